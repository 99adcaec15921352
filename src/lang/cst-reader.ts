// Typed access to Chevrotain CST children. After error recovery any child may be missing (or be a
// token the parser inserted), so every read is optional; `need*` throws `Incomplete`, which the
// converter catches at the enclosing declaration or statement and drops it (its syntax error has
// already been reported).
import type { CstElement, CstNode, IToken } from "chevrotain";

export type Children = Record<string, CstElement[] | undefined>;

export class Incomplete extends Error {
  override readonly name = "Incomplete";
}

function isToken(element: CstElement): element is IToken {
  return (element as IToken).tokenType !== undefined;
}

function isRealToken(token: IToken): boolean {
  return token.isInsertedInRecovery !== true && !Number.isNaN(token.startOffset);
}

export function tokens(children: Children, key: string): IToken[] {
  const list = children[key];
  if (list === undefined) return [];
  const out: IToken[] = [];
  for (const element of list) if (isToken(element) && isRealToken(element)) out.push(element);
  return out;
}

export function token(children: Children, key: string, index = 0): IToken | undefined {
  const list = children[key];
  if (list === undefined) return undefined;
  let seen = 0;
  for (let i = 0; i < list.length; i++) {
    const element = list[i]!;
    if (isToken(element) && isRealToken(element) && seen++ === index) return element;
  }
  return undefined;
}

export function needToken(children: Children, key: string, index = 0): IToken {
  const found = token(children, key, index);
  if (found === undefined) throw new Incomplete(key);
  return found;
}

export function nodes(children: Children, key: string): CstNode[] {
  const list = children[key];
  if (list === undefined) return [];
  const out: CstNode[] = [];
  for (const element of list) if (!isToken(element)) out.push(element);
  return out;
}

export function node(children: Children, key: string, index = 0): CstNode | undefined {
  const list = children[key];
  if (list === undefined) return undefined;
  let seen = 0;
  for (let i = 0; i < list.length; i++) {
    const element = list[i]!;
    if (!isToken(element) && seen++ === index) return element;
  }
  return undefined;
}

export function needNode(children: Children, key: string, index = 0): CstNode {
  const found = node(children, key, index);
  if (found === undefined) throw new Incomplete(key);
  return found;
}

/** Tokens of several kinds merged in source order (e.g. the `+` and `-` of one additive chain). */
export function tokensInOrder(children: Children, keys: readonly string[]): IToken[] {
  const all: IToken[] = [];
  for (const key of keys) for (const t of tokens(children, key)) all.push(t);
  return all.sort((a, b) => a.startOffset - b.startOffset);
}

/** Child nodes of several rules merged in source order (e.g. the members of a problem). */
export function nodesInOrder(children: Children, keys: readonly string[]): CstNode[] {
  const all: CstNode[] = [];
  for (const key of keys) for (const n of nodes(children, key)) all.push(n);
  return all.sort((a, b) => (a.location?.startOffset ?? 0) - (b.location?.startOffset ?? 0));
}

/** The first real token of a node (descending into the child that starts first). */
export function firstToken(cst: CstNode): IToken | undefined {
  let best: IToken | undefined;
  for (const list of Object.values(cst.children)) {
    for (const element of list) {
      const candidate = isToken(element) ? (isRealToken(element) ? element : undefined) : firstToken(element);
      if (candidate !== undefined && (best === undefined || candidate.startOffset < best.startOffset)) best = candidate;
      break; // each list is in source order: its first element starts first
    }
  }
  return best;
}
