// OpenQASM 2.0 import and OpenQASM 2.0/3.0 export of the circuit IR.
export { importQasm, type QasmImport, type QasmImportOptions, type QasmRegister } from "./qasm-import.js";
export { exportQasm2, exportQasm3, type QasmExportOptions } from "./qasm-export.js";
