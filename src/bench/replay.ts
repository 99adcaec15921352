// Replay: re-run a suite from its manifest and check that every deterministic field of every
// deterministic run is bit-identical (numbers compared with Object.is, so −0 ≠ 0 and NaN = NaN).
// Runs cut short by a wall-clock limit depend on machine speed and are counted, not compared.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { type RunRecord, DETERMINISTIC_FIELDS, parseRecordLines, runKey } from "./run-record.js";
import { type RunSuiteOptions, OUTPUT_FILES, runSuite } from "./run-suite.js";
import { parseSuiteSpec } from "./spec.js";
import { type SuiteManifest, canonicalJson, specHash } from "./suite-manifest.js";

export interface ReplayDifference {
  readonly run: string;
  readonly field: string;
  readonly recorded: unknown;
  readonly replayed: unknown;
}

export interface ReplayResult {
  readonly identical: boolean;
  readonly nCompared: number;
  /** Runs not compared because a time limit cut them short (in either the record or the replay). */
  readonly nTimeBound: number;
  readonly differences: readonly ReplayDifference[];
  readonly missing: readonly string[];
}

export async function replaySuite(manifestPath: string, options: Omit<RunSuiteOptions, "baseDir">): Promise<ReplayResult> {
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as SuiteManifest;
  if (manifest?.kind !== "qpipe-bench-manifest") throw new RangeError(`${manifestPath} is not a qpipe bench manifest`);
  const spec = parseSuiteSpec(manifest.spec);
  if (specHash(spec) !== manifest.specHash) throw new RangeError(`${manifestPath}: the embedded spec does not match its specHash`);
  const folder = dirname(resolve(manifestPath));
  if (resolve(options.outDir) === folder) throw new RangeError("replay needs a fresh --out folder, not the recorded one");
  const recorded = parseRecordLines(await readFile(resolve(folder, OUTPUT_FILES.records), "utf8"), OUTPUT_FILES.records);
  const replay = await runSuite(spec, { ...options, baseDir: resolve(folder, manifest.baseDir) });
  return compareRecords(recorded, replay.records);
}

export function compareRecords(recorded: readonly RunRecord[], replayed: readonly RunRecord[]): ReplayResult {
  const byKey = new Map(replayed.map((r) => [runKey(r), r]));
  const differences: ReplayDifference[] = [];
  const missing: string[] = [];
  let nCompared = 0;
  let nTimeBound = 0;
  for (const record of recorded) {
    const key = runKey(record);
    const other = byKey.get(key);
    if (other === undefined) {
      missing.push(key);
      continue;
    }
    if (!record.deterministic || !other.deterministic) {
      nTimeBound++;
      continue;
    }
    nCompared++;
    for (const field of DETERMINISTIC_FIELDS) {
      // Records written before a field existed (e.g. readsToTarget) are compared on the rest.
      if (!(field in record)) continue;
      if (!sameValue(record[field], other[field])) differences.push({ run: key, field, recorded: record[field], replayed: other[field] });
    }
  }
  return { identical: differences.length === 0 && missing.length === 0, nCompared, nTimeBound, differences, missing };
}

/** Numbers and strings by Object.is; objects (stage metrics) by canonical JSON, so key order does not matter. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") return canonicalJson(a) === canonicalJson(b);
  return Object.is(a, b);
}
