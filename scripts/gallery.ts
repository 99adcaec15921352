// Regenerates docs/gallery/: every chart type rendered from seeded example records to PNG (and SVG),
// plus an offline HTML report of all of them. Run: npx tsx scripts/gallery.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { createRng } from "../src/util/rng.js";
import { runSampling, sherringtonKirkpatrickQubo } from "../src/ml/index.js";
import type { Circuit } from "../src/circuit/ir.js";
import {
  approximationRatioSpec,
  convergenceTraceSpec,
  drawCircuit,
  energyHistogramSpec,
  exampleRecords,
  featureSelectionSpec,
  htmlReport,
  measurementCountsSpec,
  paretoScatterSpec,
  penaltySweepSpec,
  qaoaLandscapeSpec,
  quboHeatmapSpec,
  renderChart,
  samplingDistanceSpec,
  solverComparisonSpec,
  successProbabilitySpec,
  ttsBarsSpec,
  type ReportSection,
  type VegaLiteSpec,
} from "../src/viz/index.js";

const out = new URL("../docs/gallery/", import.meta.url);
mkdirSync(out, { recursive: true });
const records = exampleRecords(createRng(7));

const charts: [string, VegaLiteSpec][] = [
  ["energy-histogram", energyHistogramSpec(records.samples)],
  ["measurement-counts", measurementCountsSpec(records.counts)],
  ["convergence-trace", convergenceTraceSpec(records.convergence, { valueTitle: "⟨H⟩" })],
  ["qaoa-landscape", qaoaLandscapeSpec(records.landscape, { goal: "max", valueTitle: "⟨cut⟩" })],
  ["approximation-ratio", approximationRatioSpec(records.approximation)],
  ["solver-comparison", solverComparisonSpec(records.runs, { metric: "approximationRatio" })],
  ["tts-bars", ttsBarsSpec(records.tts)],
  ["success-probability", successProbabilitySpec(records.success, { budgetTitle: "Reads" })],
  ["pareto-scatter", paretoScatterSpec(records.pareto, { qualityTitle: "Approximation ratio" })],
  ["penalty-sweep", penaltySweepSpec(records.penalty)],
  ["qubo-heatmap", quboHeatmapSpec(records.qubo)],
  ["feature-selection", featureSelectionSpec(records.features, { scoreTitle: "ROC AUC" })],
  ["sampling-distance", samplingDistanceSpec(await samplingRecords(), { title: "SK n = 8: distance to the exact distribution" })],
];

/** Real sampling-stage records: Metropolis and SA on a seeded 8-spin glass at two temperatures. */
async function samplingRecords() {
  const qubo = sherringtonKirkpatrickQubo(8, createRng(7));
  const options = { methods: ["metropolis", "sa"], nSamples: [100, 1000, 10000], seed: 0 } as const;
  return [...(await runSampling(qubo, { beta: 1, ...options })), ...(await runSampling(qubo, { beta: 3, ...options }))];
}

const sections: ReportSection[] = [];
for (const [name, spec] of charts) {
  const chart = await renderChart(spec);
  writeFileSync(new URL(`${name}.png`, out), chart.png);
  writeFileSync(new URL(`${name}.vl.json`, out), JSON.stringify(spec, null, 1) + "\n");
  sections.push({ kind: "chart", chart, caption: name });
  console.log(`${name}: ${chart.width}×${chart.height}`);
}

const gamma = { kind: "param", index: 0 } as const;
const beta = { kind: "param", index: 1 } as const;
const circuit: Circuit = {
  name: "QAOA p = 1 on a triangle",
  nQubits: 3,
  nClbits: 3,
  parameters: ["γ", "β"],
  ops: [
    ...[0, 1, 2].map((q) => ({ kind: "gate" as const, name: "h" as const, qubits: [q], angles: [] })),
    ...[[0, 1], [1, 2], [0, 2]].map(([a, b]) => ({ kind: "gate" as const, name: "rzz" as const, qubits: [a!, b!], angles: [{ kind: "mul" as const, left: { kind: "const" as const, value: 2 }, right: gamma }] })),
    ...[0, 1, 2].map((q) => ({ kind: "gate" as const, name: "rx" as const, qubits: [q], angles: [{ kind: "mul" as const, left: { kind: "const" as const, value: 2 }, right: beta }] })),
    { kind: "barrier", qubits: [0, 1, 2] },
    ...[0, 1, 2].map((q) => ({ kind: "measure" as const, qubit: q, clbit: q })),
  ],
};
const zoo: Circuit = {
  name: "Gate notation",
  nQubits: 3,
  nClbits: 1,
  parameters: ["θ"],
  ops: [
    { kind: "gate", name: "h", qubits: [0], angles: [] },
    { kind: "gate", name: "cx", qubits: [0, 2], angles: [] },
    { kind: "gate", name: "cz", qubits: [1, 2], angles: [] },
    { kind: "gate", name: "ccx", qubits: [0, 1, 2], angles: [] },
    { kind: "gate", name: "swap", qubits: [0, 1], angles: [] },
    { kind: "gate", name: "crz", qubits: [2, 0], angles: [{ kind: "const", value: Math.PI / 4 }] },
    { kind: "gate", name: "ry", qubits: [1], angles: [{ kind: "neg", arg: { kind: "param", index: 0 } }] },
    { kind: "gate", name: "sdg", qubits: [2], angles: [] },
    { kind: "reset", qubit: 1 },
    { kind: "measure", qubit: 2, clbit: 0 },
  ],
};
for (const [name, c] of [["circuit-qaoa", circuit], ["circuit-notation", zoo]] as const) {
  const figure = await drawCircuit(c);
  writeFileSync(new URL(`${name}.png`, out), figure.png);
  writeFileSync(new URL(`${name}.svg`, out), figure.svg);
  console.log(`${name}: ${figure.width}×${figure.height}`);
}
writeFileSync(new URL("report.html", out), htmlReport({ title: "qpipe chart gallery", sections }));
