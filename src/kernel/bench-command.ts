// `bench` cells: a small benchmark-harness suite run from the notebook, every solver under the same
// budget and seeds, summarised like `qpipe bench` (median objective with a bootstrap CI, gap to the
// best known, success probability, rank, verdicts) with the comparison chart.
//
//   bench PROBLEM with tabu, sa(sweeps: 200), qaoa(p: 2) [seeds 5 | seeds 1, 4, 9] [budget 200 reads | budget 20000 evals | budget 2 s | budget 500 ms]
//   bench from "suite.json"
//
// Runs go one after another in the kernel's cell worker (an interrupt stops them). A problem of at
// most EXACT_REFERENCE_MAX_VARIABLES variables is solved exactly first, as the best known.
import { dirname, resolve } from "node:path";
import { executeRun } from "../bench/execute-run.js";
import { type LoadedInstance, loadInstance } from "../bench/load-instance.js";
import type { RunRecord } from "../bench/run-record.js";
import { parseSuiteSpec, SuiteSpecError, type SuiteSpec } from "../bench/spec.js";
import { type SuiteSummary, summarizeSuite } from "../bench/summarize.js";
import { quboHash } from "../solve/manifest.js";
import { solve } from "../solve/modes.js";
import { asModel } from "../solve/problem.js";
import { findSampler, listSamplers } from "../solve/registry.js";
import "../solve/variational/register.js"; // QAOA and VQE can be benchmarked too
import { escapeHtml, RecordsTable } from "../viz/records-table.js";
import type { CellOutput } from "./cell-outcome.js";
import { CellFailure } from "./cell-outcome.js";
import type { CommandText } from "./cell-split.js";
import type { BenchResult, BenchRun } from "./command-results.js";
import { type CommandContext, compileProblem, readJsonFile, unquote, usage } from "./command-support.js";
import { benchChart } from "./plot-command.js";

export const EXACT_REFERENCE_MAX_VARIABLES = 20;
const DEFAULT_SEEDS = 3;
const DEFAULT_BUDGET = { reads: 100 };
const MAX_RUNS = 500;
/** Output metadata that tells replay checking to skip an output (timings differ from run to run). */
const VOLATILE = { qpipe: { volatile: true } };

export async function runBench(command: CommandText, context: CommandContext): Promise<CellOutput[]> {
  const fromFile = /^bench\s+from\s+"((?:[^"\\]|\\.)*)"\s*$/.exec(command.text);
  const { spec, load } = fromFile ? suiteFromFile(unquote(fromFile[1] as string), command, context) : suiteFromCommand(command, context);
  const unknown = spec.solvers.filter((s) => findSampler(s.solver) === undefined).map((s) => s.solver);
  if (unknown.length > 0) {
    const message = `unknown solver ${unknown.map((s) => `'${s}'`).join(", ")}; known solvers: ${listSamplers().map((s) => s.name).join(", ")}`;
    throw new CellFailure("unknown-solver", message, [`line ${command.line}: ${message}`]);
  }
  const nRuns = spec.instances.length * spec.solvers.length * spec.seeds.length;
  if (nRuns > MAX_RUNS) throw usage(command, `${nRuns} runs is more than a cell runs (${MAX_RUNS}); run the suite with \`qpipe bench\` instead`);
  const records: RunRecord[] = [];
  // Seed by seed with the solvers interleaved, as the harness orders them.
  for (let instance = 0; instance < spec.instances.length; instance++) {
    for (const seed of spec.seeds) {
      for (let solver = 0; solver < spec.solvers.length; solver++) records.push(await executeRun(spec, { instance, solver, seed }, load));
    }
  }
  const runs: BenchRun[] = records.map((r) => ({ instance: r.instance, solver: r.solver, seed: r.seed, objective: r.bestObjective, elapsedMs: r.solveMs }));
  const result: BenchResult = { name: spec.name, runs };
  context.benches.set(spec.name, result);
  const summary = summarizeSuite(spec, records);
  return [...(await chartOrNothing(result)), timingsAndVerdicts(spec, records, summary.verdicts), summaryOutput(spec, summary)];
}

async function chartOrNothing(result: BenchResult): Promise<CellOutput[]> {
  if (result.runs.every((r) => r.objective === null)) return [];
  const chart = await benchChart(result.name, result.runs);
  return [{ kind: "display", data: chart.data }];
}

function summaryOutput(spec: SuiteSpec, summary: SuiteSummary): CellOutput {
  const several = spec.instances.length > 1;
  const rows = summary.rows.map((r) => ({
    ...(several ? { instance: r.instance } : {}),
    solver: r.solver,
    mode: r.mode,
    runs: r.nRuns,
    failed: r.nFailed,
    infeasible: r.nInfeasible,
    median: r.median,
    ciLow: r.ciLow,
    ciHigh: r.ciHigh,
    bestKnown: r.bestKnown,
    gap: r.medianGap,
    pSuccess: r.successProbability,
    ...(spec.budget.evaluations === undefined ? {} : { evaluations: r.medianEvaluations }),
    rank: r.rank,
  }));
  const table = new RecordsTable(rows);
  const budget = [
    spec.budget.reads === undefined ? "" : `${spec.budget.reads} reads`,
    spec.budget.evaluations === undefined ? "" : `${spec.budget.evaluations} evaluations`,
    spec.budget.timeMs === undefined ? "" : `${spec.budget.timeMs} ms`,
  ].filter((s) => s !== "").join(", ");
  const header = `bench ${spec.name}: ${spec.solvers.length} solvers × ${spec.seeds.length} seeds${several ? ` × ${spec.instances.length} instances` : ""}, budget ${budget} each`;
  const json = { name: spec.name, seeds: spec.seeds, budget: spec.budget, rows };
  return { kind: "result", data: { "text/plain": `${header}\n${table.toText()}`, "text/html": table.toHTML(), "application/json": json } };
}

/**
 * Median times per solver and the verdicts: a separate output, marked volatile, since timings vary
 * between runs and, among solvers with equal medians, the faster one is the verdicts' reference.
 */
function timingsAndVerdicts(spec: SuiteSpec, records: readonly RunRecord[], verdicts: readonly string[]): CellOutput {
  const median = (values: number[]): number | null => {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  };
  const rows = spec.instances.flatMap((instance) =>
    spec.solvers.map((solver) => {
      const own = records.filter((r) => r.instance === instance.name && r.solver === solver.label && r.solveMs !== null);
      return { instance: instance.name, solver: solver.label, medianSolveMs: median(own.map((r) => r.solveMs as number)), medianEncodeMs: median(own.map((r) => r.encodeMs ?? 0)) };
    }),
  );
  const table = new RecordsTable(rows, { digits: 3 });
  const said = verdicts.length === 0 ? "" : `\n\n${verdicts.join("\n")}`;
  const html = verdicts.length === 0 ? "" : `\n<ul>${verdicts.map((v) => `<li>${escapeHtml(v)}</li>`).join("")}</ul>`;
  return { kind: "display", data: { "text/plain": `timings (vary from run to run)\n${table.toText()}${said}`, "text/html": `${table.toHTML()}${html}` }, metadata: VOLATILE };
}

interface PreparedSuite {
  readonly spec: SuiteSpec;
  readonly load: (index: number) => Promise<LoadedInstance>;
}

function suiteFromFile(path: string, command: CommandText, context: CommandContext): PreparedSuite {
  const spec = checkedSpec(readJsonFile(path, command, context), command);
  const baseDir = dirname(resolve(context.cwd, path));
  const loaded = new Map<number, Promise<LoadedInstance>>();
  const load = (index: number): Promise<LoadedInstance> => {
    if (!loaded.has(index)) loaded.set(index, loadInstance(spec.instances[index]!, baseDir));
    return loaded.get(index)!;
  };
  return { spec, load };
}

function suiteFromCommand(command: CommandText, context: CommandContext): PreparedSuite {
  const parsed = parseBenchCommand(command);
  const compiled = compileProblem(parsed.problem, command, context);
  const spec = checkedSpec(
    {
      name: parsed.problem,
      instances: [{ kind: "dsl", name: parsed.problem, source: "(this notebook)" }],
      solvers: parsed.solvers,
      seeds: parsed.seeds,
      budget: parsed.budget,
    },
    command,
  );
  let instance: Promise<LoadedInstance> | undefined;
  const load = (): Promise<LoadedInstance> => {
    instance ??= (async () => {
      const started = performance.now();
      const model = asModel(compiled);
      const nVariables = model.qubo.linear.length;
      const loadMs = performance.now() - started;
      let bestKnown: number | null = null;
      if (nVariables <= EXACT_REFERENCE_MAX_VARIABLES) bestKnown = (await solve(model, { solver: "exact" })).bestFeasible?.objective ?? null;
      return { name: parsed.problem, model, sense: model.sense ?? "min", bestKnown, inputHash: quboHash(model.qubo), nVariables, loadMs };
    })();
    return instance;
  };
  return { spec, load };
}

function checkedSpec(raw: unknown, command: CommandText): SuiteSpec {
  try {
    return parseSuiteSpec(raw);
  } catch (error) {
    if (!(error instanceof SuiteSpecError)) throw error;
    throw new CellFailure("bench-spec", error.issues.map((i) => `${i.field}: ${i.message}`).join("; "), [`line ${command.line}: ${error.message}`]);
  }
}

interface BenchCommand {
  readonly problem: string;
  readonly solvers: readonly { label: string; solver: string; parameters: Record<string, unknown> }[];
  readonly seeds: readonly number[];
  readonly budget: { readonly reads?: number; readonly evaluations?: number; readonly timeMs?: number };
}

const TOKEN = /"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_-]*|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[(),:]|\S/g;
const SYNTAX = "expected `bench PROBLEM with SOLVER[(key: value, …)], … [seeds N | seeds A, B, …] [budget N reads | budget N evals | budget SECONDS s | budget MS ms]`";

/** Parses the one-line form; every mistake is a `command-syntax` failure naming what was expected. */
export function parseBenchCommand(command: CommandText): BenchCommand {
  const tokens = command.text.match(TOKEN) ?? [];
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (what: string): string => {
    const token = tokens[at++];
    if (token === undefined) throw usage(command, `${what} is missing; ${SYNTAX}`);
    return token;
  };
  const expect = (word: string): void => {
    const token = take(`'${word}'`);
    if (token !== word) throw usage(command, `expected '${word}', found '${token}'; ${SYNTAX}`);
  };
  const isName = (token: string): boolean => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(token);
  const isNumber = (token: string): boolean => /^-?\d/.test(token);
  expect("bench");
  const problem = take("the problem");
  if (!isName(problem)) throw usage(command, `expected a problem name, found '${problem}'`);
  expect("with");
  const solvers: { label: string; solver: string; parameters: Record<string, unknown>; written: string }[] = [];
  do {
    if (solvers.length > 0) expect(",");
    const start = at;
    const solver = take("a solver");
    if (!isName(solver)) throw usage(command, `expected a solver name, found '${solver}'`);
    const parameters: Record<string, unknown> = {};
    if (peek() === "(") {
      expect("(");
      while (peek() !== ")") {
        if (Object.keys(parameters).length > 0) expect(",");
        const key = take("a parameter name");
        if (!isName(key)) throw usage(command, `expected a parameter name, found '${key}'`);
        expect(":");
        parameters[key] = parameterValue(take(`the value of ${key}`));
      }
      expect(")");
    }
    solvers.push({ label: solver, solver, parameters, written: tokens.slice(start, at).join("").replace(/:/g, ": ").replace(/,/g, ", ") });
  } while (peek() === ",");
  let seeds: number[] | undefined;
  let budget: BenchCommand["budget"] | undefined;
  while (peek() !== undefined) {
    const clause = take("a clause");
    if (clause === "seeds" && seeds === undefined) {
      const first = take("the number of seeds");
      if (!/^\d+$/.test(first)) throw usage(command, `seeds takes a count or a list of integers, found '${first}'`);
      const list = [Number(first)];
      while (peek() === ",") {
        at++;
        const next = take("a seed");
        if (!/^\d+$/.test(next)) throw usage(command, `expected a seed, found '${next}'`);
        list.push(Number(next));
      }
      seeds = list.length === 1 ? Array.from({ length: list[0] as number }, (_, i) => i + 1) : list;
      if (seeds.length === 0) throw usage(command, "seeds must be at least 1");
    } else if (clause === "budget" && budget === undefined) {
      const amount = take("the budget");
      const unit = take("the budget's unit (reads, evals, s or ms)");
      if (!isNumber(amount) || !(Number(amount) > 0)) throw usage(command, `the budget must be a positive number, found '${amount}'`);
      // Counts are whole: the suite spec would refuse 2.5 reads, but here the cell names the mistake.
      if ((unit === "reads" || unit === "evals") && !Number.isSafeInteger(Number(amount))) throw usage(command, `a budget in ${unit} must be a whole number, found '${amount}'`);
      if (unit === "reads") budget = { reads: Number(amount) };
      else if (unit === "evals") budget = { evaluations: Number(amount) };
      else if (unit === "s") budget = { timeMs: Number(amount) * 1000 };
      else if (unit === "ms") budget = { timeMs: Number(amount) };
      else throw usage(command, `the budget's unit is reads, evals (objective evaluations), s or ms, not '${unit}'`);
    } else {
      throw usage(command, `unexpected '${clause}'; ${SYNTAX}`);
    }
  }
  // Labels are the solver names; a solver listed twice is labelled by what was written.
  const counts = new Map<string, number>();
  for (const s of solvers) counts.set(s.solver, (counts.get(s.solver) ?? 0) + 1);
  return {
    problem,
    solvers: solvers.map((s) => ({ label: (counts.get(s.solver) ?? 0) > 1 ? s.written : s.solver, solver: s.solver, parameters: s.parameters })),
    seeds: seeds ?? Array.from({ length: DEFAULT_SEEDS }, (_, i) => i + 1),
    budget: budget ?? DEFAULT_BUDGET,
  };
}

function parameterValue(token: string): unknown {
  if (/^-?\d/.test(token)) return Number(token);
  if (token === "true" || token === "false") return token === "true";
  if (token.startsWith('"')) return JSON.parse(token) as string;
  return token;
}
