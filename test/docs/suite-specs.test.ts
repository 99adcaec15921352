import { describe, expect, it } from "vitest";
import { parseSuiteSpec } from "../../src/bench/spec.js";
import { blocksOf } from "./pages.js";

// A ```json suite block is a whole `qpipe bench` suite spec: it must pass the spec checks (field
// names, kinds, equal budgets), so that a documented field is one the harness accepts.

const specs = blocksOf("json", (flags) => flags.includes("suite"));

describe("benchmark suite specs in the documentation", () => {
  it("finds them", () => {
    expect(specs.map(([where]) => where)).toEqual(expect.arrayContaining([expect.stringMatching(/^docs\/benchmarking\.md:/)]));
  });

  it.each(specs)("%s is a valid suite spec", (_where, code) => {
    expect(() => parseSuiteSpec(JSON.parse(code))).not.toThrow();
  });
});
