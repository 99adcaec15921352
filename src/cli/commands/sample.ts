// `qpipe sample (INPUT.qp [--data D.json] | --sk N) --beta B [--samples LIST] [--methods LIST] [--json]`:
// samples the Boltzmann distribution of a problem's QUBO at β with each method and prints the
// distance of each empirical distribution to the exact one (n ≤ 20).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { compileSource } from "../../compile/from-source.js";
import type { Qubo } from "../../compile/qubo.js";
import { renderDiagnostic } from "../../lang/render.js";
import { BOLTZMANN_MAX_VARIABLES } from "../../ml/boltzmann.js";
import { BOLTZMANN_SAMPLERS, type BoltzmannSamplerName, runSampling, sherringtonKirkpatrickQubo } from "../../ml/sampling-stage.js";
import { asModel } from "../../solve/problem.js";
import { createRng } from "../../util/rng.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";

const usage = `usage: qpipe sample (INPUT.qp [--problem P] [--data D.json] | --sk N) --beta B [options] [--json]

Draws samples from the Boltzmann distribution p(x) ∝ exp(−β·E(x)) of the problem's QUBO (penalties
included) with each method and compares them with the exact distribution (at most ${BOLTZMANN_MAX_VARIABLES} variables).

options:
  --sk N          a seeded Sherrington–Kirkpatrick spin glass with N spins instead of INPUT.qp
  --beta B        inverse temperature ≥ 0 (required)
  --samples LIST  comma-separated sample counts (default 100,1000)
  --methods LIST  from ${BOLTZMANN_SAMPLERS.join(", ")} (default metropolis,sa,qaoa)
  --seed N        default 0
  --json          print {"records": [...]}`;

export const command: Command = {
  summary: "sample a Boltzmann distribution with MCMC, SA, PT and QAOA and measure distance to the exact one",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        sk: { type: "string" },
        problem: { type: "string" },
        data: { type: "string" },
        beta: { type: "string" },
        samples: { type: "string", default: "100,1000" },
        methods: { type: "string", default: "metropolis,sa,qaoa" },
        seed: { type: "string", default: "0" },
        json: { type: "boolean", default: false },
      },
    });
    if ((positionals.length === 1) === (values.sk !== undefined)) throw new UsageError("give either one INPUT.qp or --sk N");
    if (values.beta === undefined) throw new UsageError("--beta is required");
    const beta = Number(values.beta);
    if (!Number.isFinite(beta) || beta < 0) throw new UsageError(`--beta must be a finite number ≥ 0, got '${values.beta}'`);
    const seed = Number(values.seed);
    if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer, got '${values.seed}'`);
    const sizes = values.samples.split(",").map(Number);
    if (sizes.some((s) => !Number.isSafeInteger(s) || s < 1)) throw new UsageError(`--samples must be positive integers, got '${values.samples}'`);
    const methods = values.methods.split(",").map((m) => m.trim()) as BoltzmannSamplerName[];
    for (const m of methods) if (!BOLTZMANN_SAMPLERS.includes(m)) throw new UsageError(`unknown method '${m}'; known: ${BOLTZMANN_SAMPLERS.join(", ")}`);

    let qubo: Qubo;
    if (values.sk !== undefined) {
      const n = Number(values.sk);
      if (!Number.isSafeInteger(n) || n < 2 || n > BOLTZMANN_MAX_VARIABLES) throw new UsageError(`--sk must be an integer in 2..${BOLTZMANN_MAX_VARIABLES}, got '${values.sk}'`);
      qubo = sherringtonKirkpatrickQubo(n, createRng(seed).fork("sk"));
    } else {
      const file = positionals[0];
      let source: string;
      let data: unknown = {};
      try {
        source = await readFile(resolve(io.cwd, file), "utf8");
        if (values.data !== undefined) data = JSON.parse(await readFile(resolve(io.cwd, values.data), "utf8"));
      } catch (error) {
        io.stderr(`qpipe sample: cannot read input: ${(error as Error).message}\n`);
        return EXIT_USER_ERROR;
      }
      const result = compileSource(source, { file, problem: values.problem, data });
      for (const d of result.diagnostics) io.stderr(`${renderDiagnostic(d, source)}\n\n`);
      if (result.compiled === undefined) return EXIT_USER_ERROR;
      qubo = asModel(result.compiled).qubo;
    }
    if (qubo.linear.length > BOLTZMANN_MAX_VARIABLES) {
      io.stderr(`qpipe sample: the QUBO has ${qubo.linear.length} variables; the exact reference needs at most ${BOLTZMANN_MAX_VARIABLES}\n`);
      return EXIT_USER_ERROR;
    }
    const records = await runSampling(qubo, { beta, nSamples: sizes, methods, seed });
    if (values.json) {
      io.stdout(`${JSON.stringify({ records })}\n`);
      return EXIT_OK;
    }
    io.stdout(`${"method".padEnd(12)}${"samples".padStart(9)}${"TV".padStart(8)}${"KL".padStart(8)}${"top-10".padStart(8)}${"ESS".padStart(8)}${"ms".padStart(9)}\n`);
    for (const r of records) {
      io.stdout(`${r.method.padEnd(12)}${String(r.nSamples).padStart(9)}${r.totalVariation.toFixed(3).padStart(8)}${r.kl.toFixed(3).padStart(8)}${r.modeCoverage.toFixed(1).padStart(8)}${(r.effectiveSampleSize === null ? "–" : r.effectiveSampleSize.toFixed(0)).padStart(8)}${r.timeMs.toFixed(0).padStart(9)}\n`);
      if (r.fallback) io.stdout(`  fallback: ${r.fallback}\n`);
    }
    return EXIT_OK;
  },
};
