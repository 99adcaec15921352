// The FMQA proposal step: minimise the factorisation-machine surrogate over one-hot configurations.
// Written in the qpipe language (one one-hot group per hyperparameter, as a membership matrix) and
// compiled by the compiler; the one-hot constraints become penalties chosen by the compiler.
import { compileSource } from "../compile/from-source.js";
import type { CompiledModel } from "../compile/compiled-model.js";
import { type FactorizationMachine, fmCoupling } from "./factorization-machine.js";
import { bitOffsets, type SearchSpace } from "./search-space.js";

export const SURROGATE_SOURCE = `// factorisation-machine surrogate over one-hot hyperparameter choices
problem surrogate {
  param nBits: int
  param nGroups: int
  param linear: real[nBits]
  param coupling: real[nBits][nBits]
  param member: int[nGroups][nBits]

  var x: binary[nBits]

  minimize sum(i in 0..nBits-1) linear[i] * x[i] +
    sum(i in 0..nBits-2, j in i+1..nBits-1) coupling[i][j] * x[i] * x[j]

  constraint one_choice[g in 0..nGroups-1]: sum(i in 0..nBits-1) member[g][i] * x[i] == 1
}
`;

export function surrogateQubo(space: SearchSpace, fm: FactorizationMachine): CompiledModel {
  const offsets = bitOffsets(space);
  const nBits = offsets[space.length];
  if (fm.nBits !== nBits) throw new RangeError(`surrogate has ${fm.nBits} inputs but the space has ${nBits} one-hot bits`);
  const coupling = Array.from({ length: nBits }, (_, i) => Array.from({ length: nBits }, (_, j) => (j > i ? fmCoupling(fm, i, j) : 0)));
  const member = space.map((_, p) => Array.from({ length: nBits }, (_, i) => (i >= offsets[p] && i < offsets[p + 1] ? 1 : 0)));
  const result = compileSource(SURROGATE_SOURCE, { file: "surrogate.qp", data: { nBits, nGroups: space.length, linear: Array.from(fm.linear), coupling, member } });
  if (result.compiled === undefined) throw new Error(`internal: the surrogate model did not compile: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  return result.compiled;
}
