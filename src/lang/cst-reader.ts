// Typed access to the parser's CST (grammar/flat-cst.ts: each node's children are one flat list of
// name/child pairs in parse order). After error recovery any child may be missing (or be a token
// the parser inserted), so every read is optional; `need*` throws `Incomplete`, which the converter
// catches at the enclosing declaration or statement and drops it (its syntax error has already
// been reported).
import type { IToken } from "chevrotain";
import type { FlatChildren, FlatCstNode } from "../../grammar/flat-cst.js";

export type CstNode = FlatCstNode;
export type Children = FlatChildren;

export class Incomplete extends Error {
  override readonly name = "Incomplete";
}

function isToken(element: string | IToken | CstNode): element is IToken {
  return (element as IToken).tokenType !== undefined;
}

function isRealToken(token: IToken): boolean {
  return token.isInsertedInRecovery !== true && !Number.isNaN(token.startOffset);
}

/** True when the parser added anything (even a token inserted by recovery) under `key`. */
export function has(children: Children, key: string): boolean {
  for (let i = 0; i < children.length; i += 2) if (children[i] === key) return true;
  return false;
}

export function tokens(children: Children, key: string): IToken[] {
  const out: IToken[] = [];
  for (let i = 0; i < children.length; i += 2) {
    if (children[i] !== key) continue;
    const element = children[i + 1] as IToken | CstNode;
    if (isToken(element) && isRealToken(element)) out.push(element);
  }
  return out;
}

export function token(children: Children, key: string, index = 0): IToken | undefined {
  let seen = 0;
  for (let i = 0; i < children.length; i += 2) {
    if (children[i] !== key) continue;
    const element = children[i + 1] as IToken | CstNode;
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
  const out: CstNode[] = [];
  for (let i = 0; i < children.length; i += 2) {
    if (children[i] !== key) continue;
    const element = children[i + 1] as IToken | CstNode;
    if (!isToken(element)) out.push(element);
  }
  return out;
}

export function node(children: Children, key: string, index = 0): CstNode | undefined {
  let seen = 0;
  for (let i = 0; i < children.length; i += 2) {
    if (children[i] !== key) continue;
    const element = children[i + 1] as IToken | CstNode;
    if (!isToken(element) && seen++ === index) return element;
  }
  return undefined;
}

export function needNode(children: Children, key: string, index = 0): CstNode {
  const found = node(children, key, index);
  if (found === undefined) throw new Incomplete(key);
  return found;
}

/** Child nodes of several rules merged in source order (e.g. the members of a problem). */
export function nodesInOrder(children: Children, keys: readonly string[]): CstNode[] {
  const all: CstNode[] = [];
  for (const key of keys) for (const n of nodes(children, key)) all.push(n);
  return all.sort((a, b) => a.location.startOffset - b.location.startOffset);
}

/** The first real token of a node (descending into the child that starts first). */
export function firstToken(cst: CstNode): IToken | undefined {
  let best: IToken | undefined;
  const children = cst.children;
  const seenNames = new Set<string | IToken | CstNode>();
  for (let i = 0; i < children.length; i += 2) {
    // Only the first child under each name can start first: children are in source order.
    if (seenNames.has(children[i]!)) continue;
    seenNames.add(children[i]!);
    const element = children[i + 1] as IToken | CstNode;
    const candidate = isToken(element) ? (isRealToken(element) ? element : undefined) : firstToken(element);
    if (candidate !== undefined && (best === undefined || candidate.startOffset < best.startOffset)) best = candidate;
  }
  return best;
}
