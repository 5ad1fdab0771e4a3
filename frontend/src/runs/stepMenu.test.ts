import { describe, expect, it } from "vitest";
import type { RunStep } from "../api/runHooks";
import { stepMenuItems } from "./stepMenu";

const step = (status: string, outputs: string[]): RunStep => ({
  node_id: "clean",
  status,
  cached: false,
  reason: null,
  seconds: 1,
  error: null,
  outputs: Object.fromEntries(outputs.map((p) => [p, { port_type: "table" }])),
});

describe("step context menu", () => {
  it("lists each output port, the log and regenerate for a finished step", () => {
    const items = stepMenuItems(step("completed", ["cleaning_transformation", "cleaned_dataset"]), ["cleaned_dataset", "cleaning_transformation"]);
    expect(items.map((i) => i.label)).toEqual([
      "View output ▸ cleaned_dataset",
      "View output ▸ cleaning_transformation",
      "View log",
      "Regenerate output",
    ]);
    expect(items[0]).toEqual({ kind: "output", port: "cleaned_dataset", label: "View output ▸ cleaned_dataset" });
  });

  it("offers the same for a reused step and only log and regenerate for a failed one", () => {
    expect(stepMenuItems(step("reused", ["dataset"])).map((i) => i.kind)).toEqual(["output", "log", "regenerate"]);
    expect(stepMenuItems(step("failed", [])).map((i) => i.kind)).toEqual(["log", "regenerate"]);
  });

  it("has no menu for a step that has not finished or does not exist", () => {
    expect(stepMenuItems(step("running", ["dataset"]))).toEqual([]);
    expect(stepMenuItems(step("queued", []))).toEqual([]);
    expect(stepMenuItems(undefined)).toEqual([]);
  });
});
