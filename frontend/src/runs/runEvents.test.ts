import { describe, expect, it } from "vitest";
import { INITIAL_RUN_STREAM, isRunFinished, parseRunEventData, runStreamReducer, stepsByNode } from "./runEvents";

const step = (node_id: string, status: string, extra: object = {}) => ({
  node_id, status, cached: false, reason: null, seconds: null, error: null, outputs: {}, ...extra,
});

const runJson = (status: string, steps: object[]) =>
  JSON.stringify({ run_id: "r1", pipeline_name: "p", experiment: "p", status, metrics: {}, created_at: "", seconds: null, error: null, steps });

describe("run event stream", () => {
  it("parses the data of a run event", () => {
    const run = parseRunEventData(runJson("running", [step("data", "reused", { cached: true })]));
    expect(run?.status).toBe("running");
    expect(run?.steps[0]).toMatchObject({ node_id: "data", status: "reused", cached: true });
  });

  it("ignores data that is not a run", () => {
    expect(parseRunEventData("not json")).toBeNull();
    expect(parseRunEventData("{}")).toBeNull();
  });

  it("defaults missing steps to an empty list", () => {
    expect(parseRunEventData(JSON.stringify({ run_id: "r", status: "queued" }))?.steps).toEqual([]);
  });

  it("folds run events and the end event into node statuses", () => {
    let state = runStreamReducer(INITIAL_RUN_STREAM, { type: "run", data: runJson("queued", []) });
    expect(state.run?.status).toBe("queued");
    state = runStreamReducer(state, {
      type: "run",
      data: runJson("running", [step("data", "reused"), step("split", "running"), step("train", "queued")]),
    });
    state = runStreamReducer(state, {
      type: "run",
      data: runJson("failed", [step("data", "reused"), step("split", "completed", { seconds: 0.8 }), step("train", "failed", { error: "boom" })]),
    });
    state = runStreamReducer(state, { type: "end" });
    const statuses = Object.fromEntries([...stepsByNode(state.run?.steps)].map(([id, s]) => [id, s.status]));
    expect(statuses).toEqual({ data: "reused", split: "completed", train: "failed" });
    expect(stepsByNode(state.run?.steps).get("train")?.error).toBe("boom");
    expect(state.ended).toBe(true);
    expect(isRunFinished(state.run?.status)).toBe(true);
  });

  it("keeps the last run when an event cannot be parsed", () => {
    const state = runStreamReducer(INITIAL_RUN_STREAM, { type: "run", data: runJson("running", []) });
    expect(runStreamReducer(state, { type: "run", data: "garbage" })).toBe(state);
  });

  it("reports a stream error only before the end", () => {
    const failed = runStreamReducer(INITIAL_RUN_STREAM, { type: "error", message: "closed" });
    expect(failed.error).toBe("closed");
    const ended = runStreamReducer(INITIAL_RUN_STREAM, { type: "end" });
    expect(runStreamReducer(ended, { type: "error", message: "closed" }).error).toBeNull();
  });

  it("knows the finished run statuses", () => {
    expect(["queued", "running"].map(isRunFinished)).toEqual([false, false]);
    expect(["completed", "failed", "canceled"].map(isRunFinished)).toEqual([true, true, true]);
  });
});
