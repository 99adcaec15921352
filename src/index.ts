// qpipe's public API: named re-exports of each pipeline stage, in pipeline order.
export * from "./util/index.js";
export * from "./lang/index.js";
export * from "./model/index.js";
export * from "./compile/index.js";
export * from "./circuit/index.js";
export * from "./sim/index.js";
export * from "./solve/index.js";
export * from "./bench/index.js";
export * from "./ml/index.js";
export * from "./viz/index.js";
export * from "./io/index.js";
