// The manifest a suite writes beside its records: package and Node versions, the machine, the spec
// itself with its hash, the seeds, and each instance's input hash — enough to re-run the suite
// (`qpipe bench --replay`) and to tell whether a re-run saw the same inputs.
import { createHash } from "node:crypto";
import { arch, cpus, platform, totalmem } from "node:os";
import { qpipeVersion } from "../solve/manifest.js";
import type { RunRecord } from "./run-record.js";
import type { SuiteSpec } from "./spec.js";

export interface SuiteManifest {
  readonly kind: "qpipe-bench-manifest";
  readonly suite: string;
  readonly qpipeVersion: string;
  readonly nodeVersion: string;
  readonly machine: { readonly platform: string; readonly arch: string; readonly cpuModel: string; readonly nCpus: number; readonly memoryGiB: number };
  /** `sha256:<hex>` of the spec in canonical JSON (sorted keys). */
  readonly specHash: string;
  readonly spec: SuiteSpec;
  /** Where instance paths resolve from, relative to the manifest's folder. */
  readonly baseDir: string;
  readonly seeds: readonly number[];
  readonly statisticsSeed: number;
  /** Instance name → input hash of its QUBO (from the runs that loaded it). */
  readonly inputHashes: Readonly<Record<string, string>>;
  readonly nRuns: number;
}

export function specHash(spec: SuiteSpec): string {
  return `sha256:${createHash("sha256").update(canonicalJson(spec)).digest("hex")}`;
}

export function suiteManifest(spec: SuiteSpec, baseDir: string, records: readonly RunRecord[]): SuiteManifest {
  const inputHashes: Record<string, string> = {};
  for (const record of records) if (record.inputHash !== null) inputHashes[record.instance] = record.inputHash;
  const processors = cpus();
  return {
    kind: "qpipe-bench-manifest",
    suite: spec.name,
    qpipeVersion: qpipeVersion(),
    nodeVersion: process.version,
    machine: { platform: platform(), arch: arch(), cpuModel: processors[0]?.model ?? "unknown", nCpus: processors.length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
    specHash: specHash(spec),
    spec,
    baseDir,
    seeds: spec.seeds,
    statisticsSeed: spec.statisticsSeed,
    inputHashes,
    nRuns: records.length,
  };
}

/** JSON with object keys sorted at every level, so equal specs hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}
