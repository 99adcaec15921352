// Vega-Lite → Vega (vega-lite's compiler) → SVG (vega's headless View with renderer "none"). No
// browser and no canvas: vega estimates text widths, so the same spec gives the same SVG on every
// machine with the same vega version, which is what lets notebooks replay byte for byte.
import { loadRenderers } from "./load-renderers.js";
import type { VegaLiteSpec } from "./spec.js";

/** Vega-Lite warnings are collected rather than printed; a chart with warnings is a bug. */
export interface CompiledChart {
  readonly vegaSpec: object;
  readonly warnings: readonly string[];
}

export async function compileVegaLite(spec: VegaLiteSpec): Promise<CompiledChart> {
  checkSpec(spec);
  const { vegaLite } = await loadRenderers();
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      throw new RangeError(`invalid Vega-Lite spec: ${args.join(" ")}`);
    },
    warn: (...args: unknown[]) => {
      warnings.push(args.join(" "));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0], {
    logger: logger as unknown as NonNullable<Parameters<typeof vegaLite.compile>[1]>["logger"],
  });
  return { vegaSpec: compiled.spec, warnings };
}

export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const { vegaSpec } = await compileVegaLite(spec);
  const { vega } = await loadRenderers();
  const view = new vega.View(vega.parse(vegaSpec as Parameters<typeof vega.parse>[0]), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function checkSpec(spec: unknown): asserts spec is VegaLiteSpec {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new TypeError("spec must be a Vega-Lite spec object");
  }
  const schema = (spec as { $schema?: unknown }).$schema;
  if (typeof schema === "string" && !schema.includes("vega-lite")) {
    throw new TypeError(`spec must be a Vega-Lite spec, but its $schema is ${schema}`);
  }
}
