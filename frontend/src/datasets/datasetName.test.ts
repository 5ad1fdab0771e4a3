import { describe, expect, it } from "vitest";
import { datasetNameProblem, nameFromFileName } from "./datasetName";

describe("nameFromFileName", () => {
  it.each([
    ["penguins.csv", "penguins"],
    ["Credit Data (2024).CSV", "credit-data-2024"],
    ["sales_Q1.parquet", "sales_q1"],
    ["events.jsonl.gz", "events"],
    ["C:\\data\\Résumé list.tsv", "r-sum-list"],
    ["--weird--.csv", "weird"],
    ["2024.01.report.json", "2024-01-report"],
    ["...csv", "dataset"],
  ])("%s → %s", (file, name) => {
    expect(nameFromFileName(file)).toBe(name);
  });

  it("gives names the server accepts", () => {
    expect(datasetNameProblem(nameFromFileName("Ünïcode ✓ file.csv"))).toBeNull();
  });
});

describe("datasetNameProblem", () => {
  it("accepts server-valid names", () => {
    expect(datasetNameProblem("breast-cancer")).toBeNull();
    expect(datasetNameProblem("Iris_v2.1")).toBeNull();
  });

  it("rejects empty, badly started or too long names", () => {
    expect(datasetNameProblem(" ")).toMatch(/Give the dataset a name/);
    expect(datasetNameProblem("-x")).toMatch(/starting with a letter or digit/);
    expect(datasetNameProblem("a b")).not.toBeNull();
    expect(datasetNameProblem("a".repeat(129))).not.toBeNull();
  });
});
