// The concrete syntax tree the parser builds, in a leaner form than Chevrotain's own.
//
// Chevrotain's CstParser gives every node a `children` dictionary (`Object.create(null)`, one array
// per child name), grown key by key while parsing. That shape was 90% of the parse time on large
// files: every node is a fresh dictionary-mode object, and the tree survives long enough to be
// copied by the garbage collector. Here a node's children are one flat array of name/child pairs
// in the order they were parsed, which src/lang/cst-reader.ts scans by name (nodes have few
// children). Node locations follow Chevrotain's "onlyOffset" tracking with recovery exactly.
import type { IToken } from "chevrotain";

/** `[name0, child0, name1, child1, …]` in parse order; a name is a token type, rule or LABEL. */
export type FlatChildren = (string | IToken | FlatCstNode)[];

export interface NodeLocation {
  startOffset: number;
  endOffset: number;
}

export interface FlatCstNode {
  readonly name: string;
  readonly children: FlatChildren;
  readonly location: NodeLocation;
  /** Set by Chevrotain when the rule's parse ended in an error it recovered from. */
  recoveredNode?: boolean;
}

export function newNode(name: string): FlatCstNode {
  return { name, children: [], location: { startOffset: NaN, endOffset: NaN } };
}

/** Widens `location` to cover `added` (a token's or a child node's offsets); NaN start means empty so far. */
export function extendLocation(location: NodeLocation, added: { readonly startOffset: number; readonly endOffset?: number }): void {
  const end = added.endOffset ?? NaN;
  if (Number.isNaN(location.startOffset)) {
    location.startOffset = added.startOffset;
    location.endOffset = end;
  } else if (location.endOffset < end) {
    location.endOffset = end;
  }
}
