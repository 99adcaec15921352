// Inputs for the property tests: the example corpus, a token vocabulary, and random edits of the
// corpus (a few spans removed or replaced by tokens or arbitrary short strings).
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";

const corpusDir = new URL("../../grammar/examples/", import.meta.url);
export const corpus = readdirSync(corpusDir).filter((f) => f.endsWith(".qp")).map((f) => readFileSync(new URL(f, corpusDir), "utf8"));

export const TOKENS = [
  "problem", "param", "var", "let", "minimize", "maximize", "constraint", "penalty", "auto", "soft", "sum", "in", "where", "if",
  "then", "else", "and", "or", "not", "int", "real", "bool", "angle", "binary", "spin", "encoding", "onehot", "circuit", "gate",
  "qubit", "for", "measure", "reset", "barrier", "true", "false", "pi", "e", "x", "n", "q", "edges", "qaoa", "h", "cx", "rz",
  "0", "1", "2.5", ".5", "1e-3", "1e999", "{", "}", "(", ")", "[", "]", ",", ";", ":", "..", "==", "!=", "<=", ">=", "<", ">",
  "=", "+", "-", "*", "/", "^", "\n", " ", "//c\n", "/*", "*/", "#", "é", "\t",
];

/** A corpus program after 1 to `maxEdits` random edits. */
export function mutatedCorpus(maxEdits: number): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat(12),
    insert: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })),
  });
  return fc.tuple(fc.nat(corpus.length - 1), fc.array(edit, { minLength: 1, maxLength: maxEdits })).map(([file, edits]) => {
    let source = corpus[file]!;
    for (const m of edits) {
      const at = Math.floor(m.at * source.length);
      source = source.slice(0, at) + m.insert + source.slice(at + m.remove);
    }
    return source;
  });
}
