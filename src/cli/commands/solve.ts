// `qpipe solve INPUT`: read a problem (.qp model, qbsolv .qubo, OR-Library bqp, rudy/Gset graph),
// run one solver, and print the best feasible answer in the problem's own sense.
//
//   INPUT ─▶ QuboProblem (src/io) or CompiledModel (.qp: check → bind → ground → compile)
//         ─▶ solve(problem, {mode, solver, seed, reads, timeLimitMs, evaluationBudget}) ─▶ text or --json
import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { compileSource } from "../../compile/from-source.js";
import { FormatError } from "../../io/format-error.js";
import type { ProblemFormat, Sense } from "../../io/qubo-problem.js";
import { readProblemFile } from "../../io/read-problem-file.js";
import { renderDiagnostic } from "../../lang/render.js";
import type { Diagnostic } from "../../lang/diagnostic.js";
import { hasErrors } from "../../lang/diagnostic.js";
import { findSampler, listSamplers } from "../../solve/registry.js";
import { DEFAULT_SOLVERS, type SolveMode, SOLVE_MODES, solve } from "../../solve/modes.js";
import type { Problem } from "../../solve/problem.js";
import type { Sample, SampleSet } from "../../solve/sample-set.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";

const usage = `usage: qpipe solve INPUT [--problem P] [--data D.json] [--solver NAME] [--seed N] [--reads R]
                   [--time-limit SEC] [--evaluations N] [--format beasley|qubo|rudy] [--instance K] [--sense min|max]
                   [--mode classical|quantum-inspired|quantum] [--backend local] [--json]

INPUT is a .qp model (with --data for its params, --problem when it declares several), a qbsolv
.qubo file (minimised unless --sense max), a rudy/Gset graph (.rud/.gset: max-cut), or an
OR-Library bqp file (--format beasley --instance K, 1-based; maximised).

options:
  --solver NAME      exact | sa | tabu | pt | sb | greedy | descent | milp | random | qaoa | vqe
                     (default: the mode's own, tabu for classical); qaoa and vqe run on the
                     statevector simulator and fall back to tabu, with the reason, beyond its limits
  --seed N           seed of the run (default 0); the same seed gives the same answer
  --reads R          independent reads (restarts) of the solver; 'max': restart until the time
                     limit or the evaluation budget is spent (solvers whose reads are restarts)
  --time-limit SEC   wall-clock budget of the solve phase (a fallback gets what is left of it)
  --evaluations N    budget of objective evaluations (one per candidate assignment scored); sa, pt,
                     sb and tabu size their runs from it, and the same seed gives the same answer
                     (milp does not count evaluations and refuses it)
  --mode MODE        classical | quantum-inspired (sb) | quantum (qaoa; default: the solver's own)
  --backend local    qaoa/vqe: take the final shots through the Backend interface (OpenQASM 3 in,
                     counts out) from the local simulator; a failing backend falls back to tabu
  --json             print {"solver","seed","best":{"objective","energy","feasible","values"},"timing",…}

The objective is reported in the problem's own sense: cut weight for max-cut, f(x) for bqp files,
the model's objective for .qp.`;

const QUANTUM_SOLVERS = ["qaoa", "vqe"];

export const command: Command = {
  summary: "solve a .qp model or a QUBO / max-cut / bqp file with a classical, quantum-inspired or quantum solver",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        problem: { type: "string" },
        data: { type: "string" },
        solver: { type: "string" },
        seed: { type: "string" },
        reads: { type: "string" },
        "time-limit": { type: "string" },
        evaluations: { type: "string" },
        format: { type: "string" },
        instance: { type: "string" },
        sense: { type: "string" },
        mode: { type: "string" },
        backend: { type: "string" },
        json: { type: "boolean", default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError(`expected one INPUT file, got ${positionals.length}`);
    const input = resolve(io.cwd, positionals[0]);
    if (values.mode !== undefined && !SOLVE_MODES.includes(values.mode as SolveMode)) {
      throw new UsageError(`--mode must be one of ${SOLVE_MODES.join(", ")}, got '${values.mode}'`);
    }
    const solverName = values.solver ?? DEFAULT_SOLVERS[(values.mode as SolveMode | undefined) ?? "classical"];
    // The variational samplers (and the simulator behind them) load only when asked for.
    if (QUANTUM_SOLVERS.includes(solverName) || values.mode === "quantum") await import("../../solve/variational/register.js");
    const sampler = findSampler(solverName);
    if (sampler === undefined && !QUANTUM_SOLVERS.includes(solverName)) {
      throw new UsageError(`unknown solver '${solverName}'; known: ${[...listSamplers().map((s) => s.name), ...QUANTUM_SOLVERS].join(", ")}`);
    }
    const mode = (values.mode ?? sampler?.family ?? "quantum") as SolveMode;
    if (sampler !== undefined && sampler.family !== mode) {
      throw new UsageError(`solver '${solverName}' is ${sampler.family}; it cannot run in --mode ${mode}`);
    }
    if (values.backend !== undefined && values.backend !== "local") throw new UsageError(`--backend must be 'local' (the local simulator backend), got '${values.backend}'`);
    if (values.backend !== undefined && !QUANTUM_SOLVERS.includes(solverName)) throw new UsageError("--backend applies only to the quantum solvers qaoa and vqe");
    const seed = integer(values.seed, "--seed", -Number.MAX_SAFE_INTEGER) ?? 0;
    const reads = values.reads === "max" ? Infinity : integer(values.reads, "--reads", 1);
    const evaluationBudget = integer(values.evaluations, "--evaluations", 1);
    if (reads === Infinity && values["time-limit"] === undefined && evaluationBudget === undefined) {
      throw new UsageError("--reads max needs --time-limit or --evaluations (otherwise the run never ends)");
    }
    const timeLimitMs = values["time-limit"] === undefined ? undefined : seconds(values["time-limit"]) * 1000;

    const isQp = extname(input).toLowerCase() === ".qp";
    if (!isQp && (values.problem !== undefined || values.data !== undefined)) throw new UsageError("--problem and --data apply only to .qp models");
    if (isQp && (values.format !== undefined || values.instance !== undefined || values.sense !== undefined)) {
      throw new UsageError("--format, --instance and --sense apply only to problem files, not .qp models");
    }
    let problem: Problem;
    try {
      problem = isQp ? await loadModel(input, values.problem, values.data, io) : await readProblemFile(input, fileOptions(values));
    } catch (error) {
      if (error instanceof FormatError) {
        io.stderr(`${renderDiagnostic(error.diagnostic, await fileTextFor(error.diagnostic))}\n`);
        return EXIT_USER_ERROR;
      }
      if (error instanceof DiagnosticsReported) return EXIT_USER_ERROR;
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }

    let set: SampleSet;
    try {
      const parameters = values.backend === undefined ? undefined : { backend: (await import("../../solve/backend/local-simulator.js")).localSimulatorBackend() };
      set = await solve(problem, { mode, solver: solverName, seed, reads, timeLimitMs, evaluationBudget, parameters });
    } catch (error) {
      if (error instanceof RangeError || error instanceof TypeError) {
        io.stderr(`qpipe solve: ${error.message}\n`);
        return EXIT_USER_ERROR;
      }
      throw error;
    }
    const best = set.bestFeasible;
    if (values.json) io.stdout(JSON.stringify(report(set, best, seed)) + "\n");
    else io.stdout(describe(set, best));
    if (best === undefined) {
      io.stderr("qpipe solve: no feasible sample found; try more reads, a longer --time-limit or another solver\n");
      return EXIT_USER_ERROR;
    }
    return EXIT_OK;
  },
};

/** Thrown after diagnostics have been printed. */
class DiagnosticsReported extends Error {}

async function loadModel(path: string, problemName: string | undefined, dataPath: string | undefined, io: CliIo): Promise<Problem> {
  const source = await readText(path);
  let data: unknown = {};
  if (dataPath !== undefined) {
    const file = resolve(io.cwd, dataPath);
    const text = await readText(file);
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new FormatError(at(file, "bad-json", `--data is not valid JSON: ${(error as Error).message}`));
    }
  }
  let result;
  try {
    result = compileSource(source, { file: path, problem: problemName, data, higherOrder: "quadratise" });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  if (reportAll(result.diagnostics, source, io) || result.compiled === undefined) throw new DiagnosticsReported();
  return result.compiled;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new FormatError(at(path, "unreadable-file", `cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? String(error)})`));
  }
}

/** The text a file diagnostic points into, so the rendering shows its line; "" when unreadable. */
async function fileTextFor(diagnostic: Diagnostic): Promise<string> {
  const file = diagnostic.span.file;
  if (file === undefined || diagnostic.code === "unreadable-file") return "";
  try {
    return await readFile(file, "utf8");
  } catch {
    return "";
  }
}

function at(file: string, code: string, message: string): Diagnostic {
  const start = { line: 1, column: 1, offset: 0 };
  return { severity: "error", code, message, span: { start, end: start, file } };
}

function reportAll(diagnostics: readonly Diagnostic[], source: string, io: CliIo): boolean {
  for (const diagnostic of diagnostics) io.stderr(`${renderDiagnostic(diagnostic, source)}\n`);
  return hasErrors(diagnostics);
}

function fileOptions(values: { format?: string; instance?: string; sense?: string }): { format?: ProblemFormat; instance?: number; sense?: Sense } {
  const formats = ["beasley", "qubo", "rudy"];
  if (values.format !== undefined && !formats.includes(values.format)) throw new UsageError(`--format must be one of ${formats.join(", ")}, got '${values.format}'`);
  if (values.sense !== undefined && values.sense !== "min" && values.sense !== "max") throw new UsageError(`--sense must be min or max, got '${values.sense}'`);
  const format = values.format as ProblemFormat | undefined;
  const instance = integer(values.instance, "--instance", 1);
  if (instance !== undefined && format !== "beasley") throw new UsageError("--instance applies only to --format beasley");
  if (values.sense !== undefined && format !== undefined && format !== "qubo") throw new UsageError("--sense applies only to qbsolv .qubo files");
  return { format, instance, sense: values.sense as Sense | undefined };
}

function integer(text: string | undefined, option: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^[-+]?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${option} must be an integer ≥ ${min === -Number.MAX_SAFE_INTEGER ? "any" : min}, got '${text}'`);
  }
  return value;
}

function seconds(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) throw new UsageError(`--time-limit must be a positive number of seconds, got '${text}'`);
  return value;
}

/** `seed` is the number given on the command line (the manifest keeps the stream's seed as text). */
function report(set: SampleSet, best: Sample | undefined, seed: number): object {
  return {
    solver: set.manifest.solver,
    seed,
    sense: set.sense,
    best: best === undefined ? null : { objective: best.objective, energy: best.energy, feasible: best.feasible, values: set.valuesOf(best), bits: best.bits },
    lowestEnergy: set.bestEnergy === undefined ? null : { energy: set.bestEnergy.energy, feasible: set.bestEnergy.feasible, violations: set.bestEnergy.violations },
    nSamples: set.samples.length,
    nReads: set.nReads,
    timing: set.timing,
    fallback: set.fallback,
    info: set.info,
    manifest: set.manifest,
  };
}

function describe(set: SampleSet, best: Sample | undefined): string {
  const m = set.manifest;
  const lines = [`solver     ${m.solver} (${m.family}; seed ${m.seed}, ${set.nReads} reads, ${set.samples.length} distinct samples)`];
  if (set.fallback) {
    const { requested, used, reason, time } = set.fallback;
    // The time limit covers both: say how much of it the fallback had.
    const share = time === undefined ? "" : ` (${used.solver} had ${time.givenMs} of the ${time.requestedMs} ms)`;
    lines.push(`fallback   ${requested.solver} → ${used.solver}: ${reason}${share}`);
  }
  if (best === undefined) {
    lines.push("best       no feasible sample");
  } else {
    lines.push(`objective  ${best.objective} (${set.sense === "max" ? "maximised" : "minimised"})`, `energy     ${best.energy}`);
    const shown = Object.entries(set.valuesOf(best)).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
    lines.push(`values     ${shown.length > 40 ? `${best.bits} (variable n−1 first)` : shown.join(" ")}`);
  }
  if (set.info.stoppedBy !== undefined) lines.push(`stopped    by ${String(set.info.stoppedBy)}`);
  if (typeof set.info.evaluations === "number") {
    const budget = m.evaluationBudget == null ? "" : ` of a budget of ${m.evaluationBudget}`;
    lines.push(`evaluated  ${set.info.evaluations} objective evaluations${budget}`);
  }
  const t = set.timing;
  lines.push(`timing     encode ${t.encodeMs.toFixed(1)} ms, solve ${t.solveMs.toFixed(1)} ms, decode ${t.decodeMs.toFixed(1)} ms`);
  return lines.join("\n") + "\n";
}
