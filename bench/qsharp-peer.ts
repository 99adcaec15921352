// qsharp-lang (the Q# compiler and its sparse-state simulator, compiled to wasm) as a peer for the
// layered-circuit benchmark. The circuit runs as a Q# operation whose qubits are measured and reset
// at the end (Q# refuses to release qubits in another state). A sparse simulator makes the first
// layer cheap — H on |0…0⟩ grows the state one qubit at a time, about two passes in all — so the
// per-gate cost is measured on a dense state: the time of 1 + k layers minus the time of 1 layer
// (which also cancels compilation, allocation and the final measurements).
import { readFileSync } from "node:fs";

const SOURCE = `namespace Bench {
  operation Layers(qs : Qubit[], angles : Double[], nLayers : Int) : Unit {
    let n = Length(qs);
    for layer in 0..nLayers - 1 {
      for q in 0..n - 1 { H(qs[q]); }
      for q in 0..n - 1 { Rz(angles[layer * n + q], qs[q]); }
      for q in (layer % 2)..2..n - 2 { CNOT(qs[q], qs[q + 1]); }
    }
  }
  operation Run(n : Int, angles : Double[], nLayers : Int) : Result[] {
    use qs = Qubit[n];
    Layers(qs, angles, nLayers);
    MResetEachZ(qs)
  }
}`;

interface QsharpModule {
  loadWasmModule(buffer: ArrayBuffer | Uint8Array): Promise<void>;
  getCompiler(): Promise<{
    run(program: { sources: [string, string][]; languageFeatures: string[] }, expr: string, shots: number, events: unknown): Promise<void>;
  }>;
  QscEventTarget: new (captureEvents: boolean) => {
    addEventListener(type: "Result", listener: (event: { detail: { success: boolean; value: unknown } }) => void): void;
  };
}

export interface QsharpRun {
  /** Wall-clock ms of one compile + run. */
  readonly ms: number;
  /** CPU ms of this process over the same interval (the wasm simulator is single-threaded). */
  readonly cpuMs: number;
}

export interface QsharpLayered {
  /** Runs `nLayers` layers (rz angles `angles`, nLayers × n of them) on n qubits, then measures them. */
  run(n: number, angles: readonly number[], nLayers: number): Promise<QsharpRun>;
}

export async function loadQsharpLayered(): Promise<QsharpLayered> {
  // The package's Node entry is dist/node.js; its wasm binary ships in lib/web/.
  const entry = import.meta.resolve("qsharp-lang");
  const qs = (await import(entry)) as QsharpModule;
  await qs.loadWasmModule(readFileSync(new URL("../lib/web/qsc_wasm_bg.wasm", entry)));
  const compiler = await qs.getCompiler();
  return {
    async run(n, angles, nLayers) {
      if (angles.length !== n * nLayers) throw new RangeError(`need ${n * nLayers} angles, got ${angles.length}`);
      const list = angles.map((a) => a.toPrecision(17)).join(", ");
      const events = new qs.QscEventTarget(false);
      let outcome: { success: boolean; value: unknown } | undefined;
      events.addEventListener("Result", (event) => {
        outcome = event.detail;
      });
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await compiler.run({ sources: [["bench.qs", SOURCE]], languageFeatures: [] }, `Bench.Run(${n}, [${list}], ${nLayers})`, 1, events);
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (!outcome?.success) throw new Error(`qsharp-lang run failed: ${JSON.stringify(outcome?.value ?? "no result")}`);
      return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
    },
  };
}
