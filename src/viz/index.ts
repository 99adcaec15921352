// Charts, rendering and notebook display: records → Vega-Lite specs → SVG / PNG / HTML, and the
// display protocol that lets any qpipe result show itself in a tslab notebook.
export { VEGA_LITE_MIME, VEGA_LITE_SCHEMA, type ChartOptions, type VegaLiteSpec } from "./spec.js";
export { energyHistogramSpec, type EnergyHistogramOptions, type SampleEnergyRecord } from "./charts/energy-histogram.js";
export { measurementCountsSpec, type MeasurementCounts, type MeasurementCountsOptions } from "./charts/measurement-counts.js";
export { convergenceTraceSpec, type ConvergencePoint, type ConvergenceTraceOptions } from "./charts/convergence-trace.js";
export { qaoaLandscapeSpec, type LandscapePoint, type QaoaLandscapeOptions } from "./charts/qaoa-landscape.js";
export { approximationRatioSpec, type ApproximationRatioPoint } from "./charts/approximation-ratio.js";
export { solverComparisonSpec, type SolverComparisonOptions, type SolverMetric, type SolverRunRecord } from "./charts/solver-comparison.js";
export { ttsBarsSpec, type TtsRecord } from "./charts/tts-bars.js";
export { successProbabilitySpec, type SuccessProbabilityOptions, type SuccessProbabilityPoint } from "./charts/success-probability.js";
export { paretoFront, paretoScatterSpec, type ParetoScatterOptions, type RuntimeQualityRecord } from "./charts/pareto-scatter.js";
export { penaltySweepSpec, type PenaltySweepPoint } from "./charts/penalty-sweep.js";
export { quboHeatmapSpec, type QuboHeatmapOptions } from "./charts/qubo-heatmap.js";
export { featureSelectionSpec, type FeatureSelectionOptions, type FeatureSelectionRecord } from "./charts/feature-selection.js";
export { circuitDiagramSvg, type CircuitDiagramOptions } from "./charts/circuit-diagram.js";
export { ready } from "./load-renderers.js";
export { compileVegaLite, renderSvg, type CompiledChart } from "./render-svg.js";
export { CHART_FONT_FAMILY, renderPng, type PngOptions, type RenderedPng } from "./render-png.js";
export { RenderedChart, renderChart, type RenderChartOptions } from "./rendered-chart.js";
export { CircuitFigure, drawCircuit } from "./circuit-figure.js";
export { RecordsTable, table, type TableOptions } from "./records-table.js";
export { htmlReport, type HtmlReport, type ReportSection } from "./html-report.js";
export { DISPLAY, displayMethodOf, type Displayable, type MimeBundle, type MimeData, type ToDisplay } from "./display-protocol.js";
export { inTslabKernel } from "./tslab-channel.js";
export { suiteProgress } from "./suite-progress.js";
export { displayBundles, isVegaLiteSpec, show } from "./show.js";
export { exampleRecords, type ExampleRecords } from "./example-records.js";
export { isSampleSetLike, sampleSetBundles, sampleSetDisplay, type SampleSetLike, type SampleSetViewOptions } from "./sample-set-view.js";
