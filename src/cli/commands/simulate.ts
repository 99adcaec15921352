// `qpipe simulate INPUT`: run an OpenQASM 2.0 circuit (or a .qp circuit) on the statevector
// simulator and print amplitudes, probabilities or sampled counts.
//
//   INPUT ─▶ circuit IR (importQasm, with line/column diagnostics) ─▶ simulate / sampleCircuit
//         ─▶ text, or --json {"nQubits", "amplitudes": {"re", "im"}} / {"counts"}
import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Circuit } from "../../circuit/ir.js";
import { lowerCircuit } from "../../circuit/lower-circuit.js";
import { importQasm } from "../../io/qasm.js";
import { check } from "../../lang/check.js";
import type { Diagnostic } from "../../lang/diagnostic.js";
import { renderDiagnostic } from "../../lang/render.js";
import { bitstring, probabilities } from "../../sim/measure.js";
import { sampleCircuit, withoutTerminalMeasurements } from "../../sim/sample-circuit.js";
import { simulate } from "../../sim/simulate.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";

const usage = `usage: qpipe simulate INPUT [--circuit C] [--data D.json] [--shots N] [--seed N] [--statevector]
                      [--threads N] [--json]

INPUT is an OpenQASM 2.0 file (qelib1.inc gates, gate definitions, several registers, measure,
reset, barrier) or a .qp program with a circuit (--circuit picks one when there are several;
--data D.json gives its int sizes and angle values, e.g. {"n": 4, "theta": [0.1, 0.2]}).

options:
  --shots N        sample N shots; counts are keyed by classical bits (clbit m−1 on the left), or
                   by qubits (qubit n−1 on the left) when the circuit measures nothing
  --seed N         seed for sampling and mid-circuit measurement (default 0)
  --statevector    print the final amplitudes (qubit 0 = least significant bit of the index);
                   trailing measurements are left out, mid-circuit ones collapse with --seed
  --threads N      worker threads for the state passes (default: automatic)
  --json           print {"nQubits", "amplitudes": {"re": [...], "im": [...]}} with --statevector,
                   {"counts": {...}} with --shots (both when both are given)

Without --shots or --statevector, prints the most likely basis states.`;

/** Printing 2^n amplitudes beyond this is more output than anyone can use. */
const MAX_PRINTED_QUBITS = 24;
const TOP_STATES = 16;

export const command: Command = {
  summary: "simulate an OpenQASM 2.0 (or .qp) circuit: amplitudes, probabilities or sampled counts",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        circuit: { type: "string" },
        data: { type: "string" },
        shots: { type: "string" },
        seed: { type: "string" },
        threads: { type: "string" },
        statevector: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError(`expected one INPUT file, got ${positionals.length}`);
    const input = resolve(io.cwd, positionals[0] as string);
    const shots = integerOption(values.shots, "--shots", 1);
    const seed = integerOption(values.seed, "--seed", -Number.MAX_SAFE_INTEGER) ?? 0;
    const threads = integerOption(values.threads, "--threads", 1);

    let source: string;
    try {
      source = await readFile(input, "utf8");
    } catch (error) {
      io.stderr(`qpipe simulate: cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return EXIT_USER_ERROR;
    }
    const isQp = extname(input).toLowerCase() === ".qp";
    if (!isQp && (values.circuit !== undefined || values.data !== undefined)) throw new UsageError("--circuit and --data apply only to .qp programs");
    const loaded = isQp ? await loadQpCircuit(source, input, values.circuit, values.data, io) : loadQasm(source, input, io);
    if (loaded === undefined) return EXIT_USER_ERROR;
    const { circuit, parameters } = loaded;

    const wantsState = values.statevector || shots === undefined;
    if (values.statevector && circuit.nQubits > MAX_PRINTED_QUBITS) {
      io.stderr(`qpipe simulate: --statevector prints 2^${circuit.nQubits} amplitudes; it is limited to ${MAX_PRINTED_QUBITS} qubits\n`);
      return EXIT_USER_ERROR;
    }
    const report: Record<string, unknown> = { nQubits: circuit.nQubits };
    const text: string[] = [];
    try {
      if (wantsState) {
        // The state the final measurements would sample, not one random collapse of it.
        const { state } = simulate(withoutTerminalMeasurements(circuit), { seed, parameters, ...(threads === undefined ? {} : { threads }) });
        if (values.statevector) {
          report.amplitudes = { re: Array.from(state.re), im: Array.from(state.im) };
          text.push(describeAmplitudes(state.re, state.im, circuit.nQubits));
        } else {
          text.push(describeProbabilities(probabilities(state), circuit.nQubits));
        }
      }
      if (shots !== undefined) {
        const result = sampleCircuit(circuit, shots, { seed, parameters, ...(threads === undefined ? {} : { threads }) });
        report.counts = result.counts;
        report.shots = shots;
        report.seed = seed;
        text.push(describeCounts(result.counts, shots));
      }
    } catch (error) {
      if (error instanceof RangeError || error instanceof TypeError) {
        io.stderr(`qpipe simulate: ${error.message}\n`);
        return EXIT_USER_ERROR;
      }
      throw error;
    }
    io.stdout(values.json ? JSON.stringify(report) + "\n" : `${circuit.name}: ${circuit.nQubits} qubits, ${circuit.ops.length} ops\n${text.join("\n")}`);
    return EXIT_OK;
  },
};

function loadQasm(source: string, file: string, io: CliIo): LoadedCircuit | undefined {
  const imported = importQasm(source, { file });
  report(imported.diagnostics, source, io);
  return imported.circuit === undefined ? undefined : { circuit: imported.circuit, parameters: {} };
}

interface LoadedCircuit {
  readonly circuit: Circuit;
  /** Named angle values for a .qp circuit's angle parameters. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

/** Checks a .qp program and lowers one of its circuits; `--data` holds int sizes and angle values. */
async function loadQpCircuit(source: string, file: string, circuitName: string | undefined, dataPath: string | undefined, io: CliIo): Promise<LoadedCircuit | undefined> {
  const checked = check(source, { file });
  if (report(checked.diagnostics, source, io)) return undefined;
  const names = [...checked.symbols.circuits.keys()];
  const name = circuitName ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined) {
    throw new UsageError(names.length === 0 ? `${file} declares no circuit` : `--circuit must name one of ${names.join(", ")}`);
  }
  const symbols = checked.symbols.circuits.get(name);
  if (symbols === undefined && !checked.symbols.ansatzes.has(name)) throw new UsageError(`--circuit must name one of ${names.join(", ")}, got '${name}'`);
  let data: Record<string, unknown> = {};
  if (dataPath !== undefined) {
    const path = resolve(io.cwd, dataPath);
    try {
      const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("the top level must be an object of named values");
      data = parsed as Record<string, unknown>;
    } catch (error) {
      io.stderr(`qpipe simulate: cannot use --data ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return undefined;
    }
  }
  const sizes: Record<string, number> = {};
  const parameters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const param = symbols?.decl.params.find((p) => p.name.name === key);
    if (param?.type.kind === "scalar-type" && param.type.name === "int" && typeof value === "number") sizes[key] = value;
    else parameters[key] = value;
  }
  const lowered = lowerCircuit(checked, name, { sizes });
  if (report(lowered.diagnostics, source, io) || lowered.circuit === undefined) return undefined;
  return { circuit: lowered.circuit, parameters };
}

/** Prints every diagnostic; true when any is an error. */
function report(diagnostics: readonly Diagnostic[], source: string, io: CliIo): boolean {
  for (const diagnostic of diagnostics) {
    const text = renderDiagnostic(diagnostic, source);
    io.stderr(text.endsWith("\n") ? text : text + "\n");
  }
  return diagnostics.some((d) => d.severity === "error");
}

function integerOption(text: string | undefined, option: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${option} must be an integer ≥ ${min}, got '${text}'`);
  return value;
}

function formatComplex(re: number, im: number): string {
  const sign = im < 0 || Object.is(im, -0) ? "-" : "+";
  return `${re.toFixed(6)} ${sign} ${Math.abs(im).toFixed(6)}i`;
}

function describeAmplitudes(re: Float64Array, im: Float64Array, nQubits: number): string {
  const lines = ["amplitudes (qubit n−1 on the left):"];
  for (let i = 0; i < re.length; i++) lines.push(`  |${bitstring(i, nQubits)}⟩  ${formatComplex(re[i] as number, im[i] as number)}`);
  return lines.join("\n") + "\n";
}

function describeProbabilities(p: Float64Array, nQubits: number): string {
  const order = Array.from(p.keys()).filter((i) => (p[i] as number) > 1e-12);
  order.sort((a, b) => (p[b] as number) - (p[a] as number) || a - b);
  const lines = [`most likely basis states (qubit n−1 on the left), ${Math.min(TOP_STATES, order.length)} of ${order.length} nonzero:`];
  for (const i of order.slice(0, TOP_STATES)) lines.push(`  |${bitstring(i, nQubits)}⟩  ${(p[i] as number).toFixed(6)}`);
  return lines.join("\n") + "\n";
}

function describeCounts(counts: Record<string, number>, shots: number): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const lines = [`counts of ${shots} shots:`];
  for (const [bits, count] of entries) lines.push(`  ${bits}  ${count}`);
  return lines.join("\n") + "\n";
}
