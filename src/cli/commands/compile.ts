// `qpipe compile FILE.qp [--problem P] [--data D.json] --to qubo|ising|hubo|lp|json [--out F]`:
// check → bind → ground → compile, then write one output form. With --out the file is written to a
// temporary name beside it and renamed into place, so a reader never sees a half-written file.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { CompiledModel } from "../../compile/compiled-model.js";
import { compileSource } from "../../compile/from-source.js";
import { modelToLp } from "../../compile/lp.js";
import { compiledToJson } from "../../compile/serialize.js";
import { formatQbsolv } from "../../io/qbsolv.js";
import { renderDiagnostics } from "../../lang/render.js";
import { hasErrors } from "../../lang/diagnostic.js";
import type { Model } from "../../model/model.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { type CliIo, type Command, EXIT_OK, EXIT_USER_ERROR, UsageError } from "../command.js";

const TARGETS = ["qubo", "ising", "hubo", "lp", "json"] as const;
type Target = (typeof TARGETS)[number];

const usage = `usage: qpipe compile FILE.qp [--problem P] [--data D.json] --to qubo|ising|hubo|lp|json [--out F]
                     [--quadratise] [--unbalanced NAME]...

Compiles a problem to one of:
  qubo    qbsolv .qubo text (minimised; a maximize objective is negated; variable names as comments)
  ising   JSON {variables, h, J: [[i, j, Jij]...], offset} with s = 1 - 2x
  hubo    JSON {variables, terms: [[[i, j, k...], coef]...], offset} (degree >= 3 kept)
  lp      CPLEX LP text (native integers and linear constraints; products linearised)
  json    the compiled model (penalty weights, provenance, decoding), readable by the library

options:
  --problem P        the problem to compile when the file declares several
  --data D.json      parameter values
  --out F            write to F (atomically) instead of standard output
  --quadratise       replace degree >= 3 terms by Rosenberg auxiliaries (needed for qubo/ising)
  --unbalanced NAME  use slack-free unbalanced penalisation for inequality constraint family NAME`;

export const command: Command = {
  summary: "compile a .qp problem to QUBO, Ising, HUBO, CPLEX LP or compiled-model JSON",
  usage,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { positionals, values } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        problem: { type: "string" },
        data: { type: "string" },
        to: { type: "string" },
        out: { type: "string" },
        quadratise: { type: "boolean", default: false },
        unbalanced: { type: "string", multiple: true },
      },
    });
    if (positionals.length !== 1) throw new UsageError(`expected one FILE.qp, got ${positionals.length}`);
    const target = values.to as Target | undefined;
    if (target === undefined) throw new UsageError("--to is required");
    if (!TARGETS.includes(target)) throw new UsageError(`--to must be one of ${TARGETS.join(", ")}, got '${target}'`);
    const file = resolve(io.cwd, positionals[0]);
    const source = await readText(file, io);
    if (source === undefined) return EXIT_USER_ERROR;
    let data: unknown = {};
    if (values.data !== undefined) {
      const text = await readText(resolve(io.cwd, values.data), io);
      if (text === undefined) return EXIT_USER_ERROR;
      try {
        data = JSON.parse(text);
      } catch (error) {
        io.stderr(`qpipe compile: ${values.data} is not valid JSON (${(error as Error).message})\n`);
        return EXIT_USER_ERROR;
      }
    }
    const methods = Object.fromEntries((values.unbalanced ?? []).map((name) => [name, "unbalanced" as const]));
    let result;
    try {
      result = compileSource(source, {
        file: positionals[0],
        problem: values.problem,
        data,
        methods,
        higherOrder: values.quadratise ? "quadratise" : "keep",
      });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    if (result.diagnostics.length > 0) io.stderr(renderDiagnostics(result.diagnostics, source, { file: positionals[0] }));
    if (hasErrors(result.diagnostics) || !result.compiled || !result.model) return EXIT_USER_ERROR;
    let text: string;
    try {
      text = render(target, result.compiled, result.model);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      io.stderr(`qpipe compile: ${error.message}\n`);
      return EXIT_USER_ERROR;
    }
    if (values.out === undefined) io.stdout(text);
    else {
      try {
        await writeFileAtomic(resolve(io.cwd, values.out), text);
      } catch (error) {
        io.stderr(`qpipe compile: cannot write '${values.out}' (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
        return EXIT_USER_ERROR;
      }
    }
    return EXIT_OK;
  },
};

function render(target: Target, compiled: CompiledModel, model: Model): string {
  switch (target) {
    case "qubo": {
      const qubo = compiled.qubo();
      const comments = [`qpipe compile: problem ${compiled.name}${compiled.data.sense === "maximize" ? " (maximize, negated)" : ""}`];
      qubo.variables.forEach((name, i) => comments.push(`var ${i} ${name}`));
      return formatQbsolv(qubo, { comments });
    }
    case "ising": {
      const ising = compiled.ising();
      const J = Array.from(ising.j, (v, k) => [ising.rows[k], ising.cols[k], v]);
      return JSON.stringify({ variables: ising.variables, spinMap: "s = 1 - 2x", h: [...ising.h], J, offset: ising.offset }) + "\n";
    }
    case "hubo": {
      const hubo = compiled.hubo();
      const terms: [number[], number][] = [];
      hubo.linear.forEach((v, i) => v !== 0 && terms.push([[i], v]));
      hubo.values.forEach((v, k) => terms.push([[hubo.rows[k], hubo.cols[k]], v]));
      for (const t of hubo.higher) terms.push([[...t.vars], t.coef]);
      return JSON.stringify({ variables: hubo.variables, terms, offset: hubo.offset }) + "\n";
    }
    case "lp": {
      const lp = modelToLp(model);
      return `\\ qpipe compile: problem ${compiled.name}; objective constant ${lp.offset} not included\n${lp.text}`;
    }
    case "json":
      return JSON.stringify(compiledToJson(compiled)) + "\n";
  }
}

async function readText(path: string, io: CliIo): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    io.stderr(`qpipe compile: cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return undefined;
  }
}

