import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCsvDataset } from "../../src/ml/index.js";

const TABULAR = new URL("../../../shared/data/tabular/", import.meta.url);

describe("readCsvDataset", () => {
  it("reads a header CSV with the target named, classes in numeric order", () => {
    const { dataset, diagnostics } = readCsvDataset("a,label,b\n1,1,2\n3,0,4\n5,1,7\n", { target: "label" });
    expect(diagnostics).toEqual([]);
    expect(dataset?.featureNames).toEqual(["a", "b"]);
    expect(Array.from(dataset!.columns[1])).toEqual([2, 4, 7]);
    expect(dataset?.classes).toEqual(["0", "1"]);
    expect(Array.from(dataset!.target)).toEqual([1, 0, 1]);
  });

  it("takes the last column by default and keeps string class labels in order of appearance", () => {
    const { dataset } = readCsvDataset('x,"kind"\n1.5,cat\n2.5,dog\n0.5,cat\n');
    expect(dataset?.classes).toEqual(["cat", "dog"]);
    expect(Array.from(dataset!.target)).toEqual([0, 1, 0]);
  });

  it("reports a missing value at its row and column", () => {
    const { dataset, diagnostics } = readCsvDataset("a,b,y\n1,2,0\n3,,1\n", { file: "d.csv" });
    expect(dataset).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ severity: "error", code: "missing-value", span: { start: { line: 3, column: 3 }, file: "d.csv" } });
    expect(diagnostics[0].message).toContain("column 'b'");
  });

  it("treats NA and NaN as missing, never as numbers", () => {
    for (const token of ["NA", "NaN", "nan"]) {
      expect(readCsvDataset(`a,y\n1,0\n${token},1\n`).diagnostics[0].code).toBe("missing-value");
    }
  });

  it("rejects non-numeric features, ragged rows, unknown targets and a one-class target", () => {
    expect(readCsvDataset("a,y\n1,0\nred,1\n").diagnostics[0]).toMatchObject({ code: "non-numeric-value", span: { start: { line: 3, column: 1 } } });
    expect(readCsvDataset("a,y\n1,0\n2,1,3\n").diagnostics[0].code).toBe("row-width");
    const unknown = readCsvDataset("a,y\n1,0\n2,1\n", { target: "z" }).diagnostics[0];
    expect(unknown.code).toBe("unknown-target-column");
    expect(unknown.notes?.[0]).toContain("a, y");
    expect(readCsvDataset("a,y\n1,0\n2,0\n").diagnostics[0].code).toBe("single-class-target");
    expect(readCsvDataset("a,y\n").diagnostics[0].code).toBe("csv-too-short");
  });

  it("drops a constant column with a warning and errors when nothing is left", () => {
    const kept = readCsvDataset("a,c,y\n1,5,0\n2,5,1\n");
    expect(kept.dataset?.featureNames).toEqual(["a"]);
    expect(kept.dataset?.dropped).toEqual([{ name: "c", reason: "constant column" }]);
    expect(kept.diagnostics).toMatchObject([{ severity: "warning", code: "constant-feature" }]);
    expect(readCsvDataset("c,y\n5,0\n5,1\n").diagnostics.at(-1)?.code).toBe("no-features");
  });

  it.skipIf(!existsSync(TABULAR))("reads scikit-learn's bundled layout (breast cancer, wine)", () => {
    const cancer = readCsvDataset(readFileSync(new URL("breast_cancer.csv", TABULAR), "utf8"));
    expect(cancer.diagnostics).toEqual([]);
    expect(cancer.dataset).toMatchObject({ nSamples: 569, classes: ["malignant", "benign"] });
    expect(cancer.dataset?.columns).toHaveLength(30);
    const wine = readCsvDataset(readFileSync(new URL("wine_data.csv", TABULAR), "utf8"));
    expect(wine.dataset).toMatchObject({ nSamples: 178, classes: ["class_0", "class_1", "class_2"] });
    expect(wine.dataset?.columns).toHaveLength(13);
  });
  if (!existsSync(TABULAR)) it.skip("real tabular sets: ../shared/data/tabular is absent, skipped", () => {});
});
