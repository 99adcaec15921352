// Notebook replay: execute notebooks through a real Jupyter client and compare their outputs with
// the committed ones.
export { compareNotebooks, type CellDifference } from "./compare-notebooks.js";
export { comparableOutputs, isVolatile, type ComparableOutput } from "./comparable-output.js";
export { JupyterSetupError, runNotebook, type NotebookRun, type RunOptions, type RunStatus } from "./jupyter-client.js";
export { KERNEL_NAME, NOTEBOOK_KERNELS, writeKernelSpec, type KernelSpecDirectory } from "./kernel-spec.js";
export { lineDiff, type LineDiffOptions } from "./line-diff.js";
export { joinLines, NotebookFormatError, parseNotebook, type Notebook, type NotebookCell, type NotebookOutput } from "./notebook-format.js";
export { executeNotebook, serializeNotebook, verifyNotebook, type ReplayResult } from "./replay.js";
