// How a solver's sample set shows itself: a table of the best distinct samples and the energy
// histogram (feasible vs infeasible). Structural, so it works on a SampleSet or on its JSON without
// importing the solvers.
import { energyHistogramSpec } from "./charts/energy-histogram.js";
import type { MimeBundle } from "./display-protocol.js";
import { RecordsTable } from "./records-table.js";
import { type RenderedChart, renderChart } from "./rendered-chart.js";

/** The fields of a SampleSet (or its JSON) the view reads. */
export interface SampleSetLike {
  readonly sense?: "min" | "max";
  readonly samples: readonly {
    readonly bits: string;
    readonly energy: number;
    readonly objective?: number;
    readonly feasible: boolean;
    readonly occurrences: number;
  }[];
}

export function isSampleSetLike(value: unknown): value is SampleSetLike {
  if (typeof value !== "object" || value === null) return false;
  const samples = (value as { samples?: unknown }).samples;
  if (!Array.isArray(samples) || samples.length === 0) return false;
  const first = samples[0] as Record<string, unknown>;
  return typeof first?.["bits"] === "string" && typeof first["energy"] === "number" && typeof first["feasible"] === "boolean";
}

export interface SampleSetViewOptions {
  /** Rows in the table (default 10), lowest energy first. */
  readonly maxRows?: number;
}

/** The table of the best samples and the rendered energy histogram. */
export async function sampleSetDisplay(sampleSet: SampleSetLike, options: SampleSetViewOptions = {}): Promise<{ table: RecordsTable; chart: RenderedChart }> {
  if (!isSampleSetLike(sampleSet)) throw new TypeError("a sample set view needs samples with bits, energy and feasible");
  const maxRows = options.maxRows ?? 10;
  const sorted = [...sampleSet.samples].sort((a, b) => a.energy - b.energy || (a.bits < b.bits ? -1 : 1));
  const rows = sorted.map((s) => ({ bits: s.bits, energy: s.energy, objective: s.objective, feasible: s.feasible, occurrences: s.occurrences }));
  const table = new RecordsTable(rows, { maxRows });
  const chart = await renderChart(energyHistogramSpec(sampleSet.samples));
  return { table, chart };
}

/** [table of the best samples, energy histogram] as display bundles. */
export async function sampleSetBundles(sampleSet: SampleSetLike, options: SampleSetViewOptions = {}): Promise<MimeBundle[]> {
  const { table, chart } = await sampleSetDisplay(sampleSet, options);
  return [table.toBundle(), chart.toBundle()];
}
