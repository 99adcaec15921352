// vega, vega-lite and resvg are loaded on first use with `await import()`: vega-canvas contains a
// top-level await, which breaks the `require()` that tslab uses to load a notebook's imports, and
// `qpipe check` should not pay for a chart renderer it never uses.
import type * as VegaModule from "vega";
import type * as VegaLiteModule from "vega-lite";
import type * as ResvgModule from "@resvg/resvg-js";

export interface Renderers {
  readonly vega: typeof VegaModule;
  readonly vegaLite: typeof VegaLiteModule;
  readonly resvg: typeof ResvgModule;
}

let loading: Promise<Renderers> | undefined;

/** Loads the chart renderers once; later calls return the same modules. */
export function loadRenderers(): Promise<Renderers> {
  loading ??= Promise.all([import("vega"), import("vega-lite"), import("@resvg/resvg-js")]).then(
    ([vega, vegaLite, resvg]) => ({ vega, vegaLite, resvg }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Resolves when charts can be rendered: call `await ready()` once at the top of a notebook. */
export async function ready(): Promise<void> {
  await loadRenderers();
}
