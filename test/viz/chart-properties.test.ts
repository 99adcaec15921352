// Random valid records always give a spec that compiles without warnings and an SVG without NaN,
// for every chart builder. Rendering runs in a worker with a deadline, since an input that sends
// Vega into an endless loop would otherwise hang the test run instead of failing it.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { circuitDiagramSvg } from "../../src/viz/index.js";
import { chartCases, circuits, type ChartCase } from "./chart-arbitraries.js";
import { renderInWorker, stopRenderWorker } from "./render-in-worker.js";

// Fixed seeds, so that every run draws the same records; several, so that more inputs are tried.
const seeds = [20261203, 1, 2, 3];
const runsPerSeed = 3;

async function rendersCleanly(chart: ChartCase): Promise<void> {
  const { warnings, svg } = await renderInWorker(chart());
  expect(warnings).toEqual([]);
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
}

afterAll(stopRenderWorker);

describe("charts on random records (property)", () => {
  for (const [name, arbitrary] of Object.entries(chartCases)) {
    it(name, async () => {
      for (const seed of seeds) {
        await fc.assert(fc.asyncProperty(arbitrary, rendersCleanly), { numRuns: runsPerSeed, seed });
      }
    });
  }

  it("circuit diagrams", () => {
    for (const seed of seeds) {
      fc.assert(
        fc.property(circuits, (circuit) => {
          expect(circuitDiagramSvg(circuit)).not.toMatch(/NaN|Infinity|undefined/);
        }),
        { numRuns: 25, seed },
      );
    }
  });
});
