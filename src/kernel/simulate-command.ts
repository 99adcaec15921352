// `simulate C [shots N] [seed S]` and the counts behind `plot [counts] C …`: build a declared
// circuit with the sizes and angles given by `bind C {…}` and sample it on the statevector simulator.
import { lowerCircuit } from "../circuit/lower-circuit.js";
import { check } from "../lang/check.js";
import { renderDiagnostic } from "../lang/render.js";
import { sampleCircuit } from "../sim/sample-circuit.js";
import type { CellOutput } from "./cell-outcome.js";
import { CellFailure } from "./cell-outcome.js";
import type { CommandText } from "./cell-split.js";
import { asCommandFailure, type CommandContext, usage } from "./command-support.js";

const MAX_SHOTS = 10_000_000;

export interface SampledCounts {
  readonly name: string;
  readonly shots: number;
  readonly seed: number;
  readonly counts: Record<string, number>;
}

export function runSimulate(command: CommandText, context: CommandContext): CellOutput[] {
  const match = /^simulate\s+(.*)$/s.exec(command.text);
  const { name, shots, seed, counts } = sampleCounts(match?.[1] ?? "", command, context);
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const text = `${name}: ${shots} shots, seed ${seed}\n${entries.slice(0, 16).map(([bits, n]) => `${bits}  ${n}`).join("\n")}${entries.length > 16 ? `\n… ${entries.length - 16} more outcomes` : ""}`;
  return [{ kind: "result", data: { "text/plain": text, "application/json": { circuit: name, shots, seed, counts } } }];
}

const COUNTS_ARGS = /^([A-Za-z_][A-Za-z0-9_]*)(?:\s+shots\s+(\d+))?(?:\s+seed\s+(\d+))?\s*$/;

/** Samples `CIRCUIT [shots N] [seed S]` (the text after the command's own words). */
export function sampleCounts(args: string, command: CommandText, context: CommandContext): SampledCounts {
  const match = COUNTS_ARGS.exec(args);
  if (!match) throw usage(command, `expected \`${command.word} CIRCUIT [shots N] [seed S]\``);
  const name = match[1] as string;
  const shots = Number(match[2] ?? 1000);
  const seed = Number(match[3] ?? 1);
  if (shots < 1 || shots > MAX_SHOTS) throw usage(command, `shots must be in 1..${MAX_SHOTS}`);
  const checked = check(context.source);
  const symbols = checked.symbols.circuits.get(name);
  if (!symbols) throw new CellFailure("unknown-circuit", `no circuit named '${name}' is declared`, [`line ${command.line}: no circuit named '${name}' is declared`]);
  const data = (context.data.get(name) ?? {}) as Record<string, unknown>;
  const sizes: Record<string, number> = {};
  const parameters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const param = symbols.decl.params.find((p) => p.name.name === key);
    if (param?.type.kind === "scalar-type" && param.type.name === "int" && typeof value === "number") sizes[key] = value;
    else parameters[key] = value;
  }
  const lowered = lowerCircuit(checked, name, { sizes });
  const errors = lowered.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || lowered.circuit === undefined) {
    const first = errors[0];
    throw new CellFailure(first?.code ?? "lower-failed", first?.message ?? `circuit ${name} could not be built`, errors.map((d) => renderDiagnostic(d, context.source, { file: "session" })));
  }
  try {
    return { name, shots, seed, counts: sampleCircuit(lowered.circuit, shots, { seed, parameters }).counts };
  } catch (error) {
    return asCommandFailure(error, "simulate-failed", command);
  }
}
