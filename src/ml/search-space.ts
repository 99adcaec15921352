// A discrete hyperparameter search space and its one-hot encoding: parameter p with cₚ choices
// owns bits offset[p]..offset[p]+cₚ−1, exactly one of which is set.
import type { Rng } from "../util/rng.js";

export interface SearchParameter {
  readonly name: string;
  readonly choices: readonly (number | string)[];
}

export type SearchSpace = readonly SearchParameter[];

/** A configuration: the chosen choice index per parameter. */
export type Configuration = readonly number[];

export function checkSearchSpace(space: SearchSpace): void {
  if (!Array.isArray(space) || space.length === 0) throw new RangeError("search space must have at least one parameter");
  const names = new Set<string>();
  for (const p of space) {
    if (typeof p.name !== "string" || p.name === "") throw new TypeError("every search parameter must have a non-empty name");
    if (names.has(p.name)) throw new RangeError(`search parameter '${p.name}' appears twice`);
    names.add(p.name);
    if (!Array.isArray(p.choices) || p.choices.length < 1) throw new RangeError(`search parameter '${p.name}' must have at least one choice`);
  }
}

export function bitOffsets(space: SearchSpace): number[] {
  const offsets: number[] = [];
  let total = 0;
  for (const p of space) {
    offsets.push(total);
    total += p.choices.length;
  }
  offsets.push(total);
  return offsets;
}

export function encodeConfiguration(space: SearchSpace, config: Configuration): Uint8Array {
  const offsets = bitOffsets(space);
  const bits = new Uint8Array(offsets[space.length]);
  for (let p = 0; p < space.length; p++) bits[offsets[p] + config[p]] = 1;
  return bits;
}

export function configurationKey(config: Configuration): string {
  return config.join(",");
}

export function randomConfiguration(space: SearchSpace, rng: Rng): number[] {
  return space.map((p) => rng.int(p.choices.length));
}

export function spaceSize(space: SearchSpace): number {
  return space.reduce((size, p) => size * p.choices.length, 1);
}

/** The configuration's values by parameter name. */
export function configurationValues(space: SearchSpace, config: Configuration): Record<string, number | string> {
  return Object.fromEntries(space.map((p, i) => [p.name, p.choices[config[i]]]));
}
