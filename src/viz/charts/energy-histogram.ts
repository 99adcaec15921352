// Energy (or objective) histogram of a sample set, feasible and infeasible samples stacked in two
// colours: the first chart to look at after a solve, since a penalty that is too weak shows up as
// low-energy infeasible mass.
import { checkBoolean, checkFinite, checkRecords } from "../check-records.js";
import { type ChartOptions, FEASIBLE_COLOR, INFEASIBLE_COLOR, specFrame, type VegaLiteSpec } from "../spec.js";
import { paddedDomainForTinySpan } from "../tiny-span.js";

/** One distinct sample: its energy (or objective), feasibility and multiplicity. */
export interface SampleEnergyRecord {
  readonly energy: number;
  /** The objective in the problem's own sense; plotted instead of energy with `value: "objective"`. */
  readonly objective?: number;
  readonly feasible: boolean;
  /** How many reads gave this sample (default 1). */
  readonly occurrences?: number;
}

export interface EnergyHistogramOptions extends ChartOptions {
  /** Which field to bin (default "energy"). */
  readonly value?: "energy" | "objective";
  /** Upper bound on the number of bins (default 30). */
  readonly maxBins?: number;
}

export function energyHistogramSpec(
  samples: readonly SampleEnergyRecord[],
  options: EnergyHistogramOptions = {},
): VegaLiteSpec {
  const chart = "energyHistogramSpec";
  const field = options.value ?? "energy";
  const maxBins = options.maxBins ?? 30;
  if (!Number.isInteger(maxBins) || maxBins < 1) {
    throw new RangeError(`${chart}: maxBins must be a positive integer, got ${maxBins}`);
  }
  checkRecords(chart, samples);
  const values = samples.map((sample, i) => {
    checkFinite(chart, sample, i, field);
    checkBoolean(chart, sample, i, "feasible");
    const occurrences = sample.occurrences ?? 1;
    if (!Number.isInteger(occurrences) || occurrences < 0) {
      throw new RangeError(`${chart}: records[${i}].occurrences must be a non-negative integer, got ${occurrences}`);
    }
    return {
      value: sample[field] as number,
      feasibility: sample.feasible ? "feasible" : "infeasible",
      occurrences,
    };
  });
  const title = field === "energy" ? "Energy" : "Objective";
  const tiny = paddedDomainForTinySpan(values.map((v) => v.value));
  const bin = tiny ? { maxbins: maxBins, extent: tiny } : { maxbins: maxBins };
  return {
    ...specFrame(options, `${title} of samples`),
    data: { values },
    mark: { type: "bar", binSpacing: 1 },
    encoding: {
      x: { field: "value", type: "quantitative", bin, title },
      y: { aggregate: "sum", field: "occurrences", type: "quantitative", title: "Reads", stack: true },
      color: {
        field: "feasibility",
        type: "nominal",
        title: "Constraints",
        scale: { domain: ["feasible", "infeasible"], range: [FEASIBLE_COLOR, INFEASIBLE_COLOR] },
      },
      tooltip: [
        { field: "feasibility", type: "nominal" },
        { aggregate: "sum", field: "occurrences", type: "quantitative", title: "reads" },
      ],
    },
  };
}
