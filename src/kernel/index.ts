export { parseConnectionInfo, readConnectionFile, type ConnectionInfo } from "./connection.js";
export { startKernel, type KernelServerOptions, type RunningKernel } from "./kernel-server.js";
export { KernelSession, type HistoryEntry, type SessionOptions } from "./session.js";
export type { CellError, CellOutcome, CellOutput, MimeBundle } from "./cell-outcome.js";
export { isComplete as kernelIsComplete, type IsCompleteReply } from "./is-complete.js";
export { installKernelSpec, kernelSpec, kernelsDirectory, KERNEL_SPEC_NAME, type InstallTarget, type KernelSpec } from "./install.js";
export { createSigner, decodeMessage, encodeMessage, type JupyterMessage, type MessageHeader } from "./wire.js";
export { runKernel, type RunKernelOptions } from "./run-kernel.js";
