// The manifest every SampleSet carries: enough to tell which input, solver, parameters, seed and
// package version produced it. No timestamps: two runs with the same inputs give equal manifests.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Qubo } from "../compile/qubo.js";
import type { JsonObject } from "./json.js";

export type SolverFamily = "classical" | "quantum-inspired" | "quantum";

export interface Manifest {
  readonly solver: string;
  readonly family: SolverFamily;
  /** Every parameter the solver ran with, defaults filled in. */
  readonly parameters: JsonObject;
  /** Reads asked for; null for `reads: Infinity` (restart until the budget is spent). */
  readonly reads: number | null;
  readonly timeLimitMs: number | null;
  /** Objective evaluations allowed (null: unlimited). Older manifests lack the field. */
  readonly evaluationBudget?: number | null;
  readonly targetEnergy: number | null;
  /** The seed of the random stream the run drew from. */
  readonly seed: string;
  readonly version: string;
  /** `sha256:<hex>` over the QUBO's size, coefficients and offset (see `quboHash`). */
  readonly inputHash: string;
  readonly nVariables: number;
  readonly nInteractions: number;
}

/**
 * sha256 of a QUBO's arrays: n, then linear, rows, cols, values and offset as little-endian bytes.
 * Variable names are left out on purpose: renaming variables does not change the problem solved.
 */
export function quboHash(qubo: Qubo): string {
  const hash = createHash("sha256");
  const header = new Float64Array([qubo.linear.length, qubo.values.length, qubo.offset]);
  for (const array of [header, qubo.linear, qubo.rows, qubo.cols, qubo.values]) {
    hash.update(toLittleEndianBytes(array));
  }
  return `sha256:${hash.digest("hex")}`;
}

function toLittleEndianBytes(array: Float64Array | Int32Array): Uint8Array {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  if (LITTLE_ENDIAN) return bytes;
  const width = array.BYTES_PER_ELEMENT;
  const swapped = new Uint8Array(bytes.length);
  for (let k = 0; k < bytes.length; k += width) {
    for (let b = 0; b < width; b++) swapped[k + b] = bytes[k + width - 1 - b];
  }
  return swapped;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

let cachedVersion: string | undefined;

/** qpipe's version from its package.json, found by walking up from this module (src/ or dist/src/). */
export function qpipeVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  for (let dir = new URL(".", import.meta.url); ; dir = new URL("..", dir)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL("package.json", dir), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "qpipe" && typeof manifest.version === "string") return (cachedVersion = manifest.version);
    } catch {
      // no readable package.json here: keep walking up
    }
    if (dir.pathname === "/") throw new Error("internal: qpipe's package.json not found");
  }
}
