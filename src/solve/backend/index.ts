// Where circuits run: the Backend contract, the call wrapper (timeout, retries), the local simulator.
export { type Backend, type BackendDescription, BackendError, type BackendJob, type BackendResult, BackendTimeoutError, checkBackend } from "./backend.js";
export { type CallOptions, type CallOutcome, callBackend } from "./call-backend.js";
export { type LocalSimulatorOptions, localSimulatorBackend } from "./local-simulator.js";
