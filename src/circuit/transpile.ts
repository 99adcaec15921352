// Transpilation entry point: basis translation followed by the peephole pass.
import type { Circuit } from "./ir.js";
import { translateToBasis } from "./transpile-basis.js";
import { peepholeOptimize } from "./transpile-peephole.js";

/** The circuit over {rz, sx, x, cx}, equal to `circuit` up to a global phase, peephole-optimised. */
export function transpileToBasis(circuit: Circuit): Circuit {
  return peepholeOptimize(translateToBasis(circuit)).circuit;
}
