// `qpipe decide INSTANCE.json [--solvers LIST] [--seed N] [--time-limit SEC] [--reads R] [--json]`:
// chooses items by predicted value under budget, category quotas and conflicts (or assigns items to
// slots by predicted score) with each solver, HiGHS on the model's own MILP as the reference.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type DecisionProblem, type DecisionRecord, runDecision } from "../../ml/decision-stage.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";

const usage = `usage: qpipe decide INSTANCE.json [--solvers milp,tabu,sa] [--seed N] [--time-limit SEC] [--reads R] [--json]

INSTANCE.json, a subset: {"value": [...], "cost": [...], "budget": B, "category": [...], "quota": [...],
"conflicts": [[a, b], ...]} — value per item (e.g. a model's predicted value), cost per item,
category index per item, the most items allowed per category, and pairs that exclude each other;
or an assignment: {"score": [[...], ...]} — score of item i in slot s (every slot gets one item).
Solvers: milp (HiGHS on the model's own MILP, the exact reference), rule-greedy, or any registered
solver (tabu, sa, sb, greedy, qaoa, …) on the compiled QUBO. Each decision is reported with its
value, gap to the MILP optimum and time; a solver that fails, or stops at its time limit or ends
without a feasible decision, is replaced by the greedy decision, marked as the fallback.`;

export const command: Command = {
  summary: "choose items under budget, quotas and conflicts; MILP reference, greedy fallback",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        solvers: { type: "string", default: "milp,tabu,sa" },
        seed: { type: "string", default: "0" },
        "time-limit": { type: "string" },
        reads: { type: "string" },
        json: { type: "boolean", default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError(`expected one INSTANCE.json, got ${positionals.length}`);
    const seed = Number(values.seed);
    if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer, got '${values.seed}'`);
    const timeLimit = values["time-limit"] === undefined ? undefined : Number(values["time-limit"]);
    if (timeLimit !== undefined && !(timeLimit > 0)) throw new UsageError(`--time-limit must be a positive number of seconds, got '${values["time-limit"]}'`);
    const reads = values.reads === undefined ? undefined : Number(values.reads);
    if (reads !== undefined && !(Number.isSafeInteger(reads) && reads >= 1)) throw new UsageError(`--reads must be a positive integer, got '${values.reads}'`);
    let instance: DecisionProblem;
    try {
      instance = JSON.parse(await readFile(resolve(io.cwd, positionals[0]), "utf8")) as DecisionProblem;
    } catch (error) {
      io.stderr(`qpipe decide: cannot read ${positionals[0]}: ${(error as Error).message}\n`);
      return EXIT_USER_ERROR;
    }
    let records: DecisionRecord[];
    try {
      records = await runDecision(instance, { solvers: values.solvers.split(",").map((s) => s.trim()), seed, reads, timeLimitMs: timeLimit === undefined ? undefined : timeLimit * 1000 });
    } catch (error) {
      if (error instanceof RangeError || error instanceof TypeError) {
        io.stderr(`qpipe decide: ${error.message}\n`);
        return EXIT_USER_ERROR;
      }
      throw error;
    }
    if (values.json) {
      io.stdout(`${JSON.stringify({ records })}\n`);
      return EXIT_OK;
    }
    for (const r of records) {
      io.stdout(`${r.solver.padEnd(8)} value ${r.value.toFixed(3).padStart(10)}  gap ${r.gap === null ? "–" : r.gap.toFixed(4)}  ${r.timeMs.toFixed(0)} ms  items ${r.chosen.join(" ")}\n`);
      if (r.fallback) io.stdout(`  fallback: ${r.fallback}\n`);
    }
    return EXIT_OK;
  },
};
