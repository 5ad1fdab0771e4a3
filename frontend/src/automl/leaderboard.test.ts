import { describe, expect, it } from "vitest";
import { trial } from "../test/automlFixtures";
import { formatMetric, paramsText, rankedRows, trialError } from "./leaderboard";

describe("leaderboard", () => {
  it("ranks live rows by the metric's direction, unfinished trials last", () => {
    const failed = { ...trial(3, 0), status: "failed", metric: null };
    const rows = [trial(0, 0.5), failed, trial(1, 0.2), trial(2, 0.9)];
    expect(rankedRows(rows, "auc").map((r) => [r.trial, r.rank])).toEqual([[2, 1], [0, 2], [1, 3], [3, null]]);
    expect(rankedRows(rows, "rmse").map((r) => r.trial)).toEqual([1, 0, 2, 3]);
  });

  it("keeps the server's ranks", () => {
    const rows = [{ ...trial(0, 0.1), rank: 2 }, { ...trial(1, 0.05), rank: 1 }];
    expect(rankedRows(rows, "auc").map((r) => r.trial)).toEqual([1, 0]);
  });

  it("formats metrics, parameters and errors", () => {
    expect(formatMetric(null)).toBe("–");
    expect(formatMetric(0.912345)).toBe("0.9123");
    expect(formatMetric(123456)).toBe("1.235e+5");
    expect(paramsText({ depth: 4, rate: 0.123456 })).toBe("depth=4, rate=0.123");
    expect(paramsText({ members: { "0": 0.6667, "2": 0.3333 } })).toBe("members={0: 0.667, 2: 0.333}");
    expect(paramsText({ layers: [64, 32] })).toBe("layers=[64, 32]");
    expect(trialError({ message: "boom" })).toBe("boom");
    expect(trialError(null)).toBe("");
  });
});
