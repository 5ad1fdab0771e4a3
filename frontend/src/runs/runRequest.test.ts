import { describe, expect, it } from "vitest";
import { buildRunRequest, parameterText, parseParameter } from "./runRequest";

describe("run request", () => {
  it("keeps the types of the document parameters", () => {
    const body = buildRunRequest({
      pipeline: "breast-cancer-diagnosis",
      experiment: " exp-1 ",
      parameterTexts: { seed: "7", train_fraction: "0.8", label: "diagnosis", stratify: "false", cols: '["a","b"]' },
      defaults: { seed: 42, train_fraction: 0.7, label: "target", stratify: true, cols: [] },
    });
    expect(body).toEqual({
      pipeline: "breast-cancer-diagnosis",
      experiment: "exp-1",
      parameters: { seed: 7, train_fraction: 0.8, label: "diagnosis", stratify: false, cols: ["a", "b"] },
    });
  });

  it("adds regenerate and leaves out an empty experiment", () => {
    const body = buildRunRequest({ pipeline: "p", experiment: "", parameterTexts: {}, defaults: {}, regenerate: ["train"] });
    expect(body).toEqual({ pipeline: "p", parameters: {}, regenerate: ["train"] });
  });

  it("rejects a value that does not fit a numeric parameter", () => {
    expect(() =>
      buildRunRequest({ pipeline: "p", experiment: "e", parameterTexts: { seed: "abc" }, defaults: { seed: 1 } }),
    ).toThrow('Parameter "seed": "abc" is not a number.');
  });

  it("shows values as editable text", () => {
    expect(parameterText(42)).toBe("42");
    expect(parameterText("x")).toBe("x");
    expect(parameterText([1])).toBe("[1]");
    expect(parseParameter("plain text", null)).toBe("plain text");
  });
});
