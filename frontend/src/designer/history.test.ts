import { describe, expect, it } from "vitest";
import { HISTORY_LIMIT, historyReducer, initHistory, type History } from "./history";

const set = (state: History<number>, present: number, mergeKey?: string) =>
  historyReducer(state, { type: "set", present, record: true, mergeKey });

describe("history reducer", () => {
  it("undoes and redoes recorded changes", () => {
    let h = initHistory(0);
    h = set(h, 1);
    h = set(h, 2);
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe(1);
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe(0);
    h = historyReducer(h, { type: "undo" });
    expect(h.present).toBe(0);
    h = historyReducer(h, { type: "redo" });
    h = historyReducer(h, { type: "redo" });
    expect(h.present).toBe(2);
    expect(historyReducer(h, { type: "redo" })).toBe(h);
  });

  it("clears the redo stack on a new change", () => {
    let h = set(set(initHistory(0), 1), 2);
    h = historyReducer(h, { type: "undo" });
    h = set(h, 5);
    expect(h.future).toEqual([]);
    expect(historyReducer(h, { type: "undo" }).present).toBe(1);
  });

  it("does not record unrecorded changes", () => {
    let h = set(initHistory(0), 1);
    h = historyReducer(h, { type: "set", present: 7, record: false });
    expect(h.present).toBe(7);
    expect(h.past).toEqual([0]);
  });

  it("applies updater functions to the present", () => {
    const h = historyReducer(initHistory(3), { type: "set", present: (n) => n * 2, record: true });
    expect(h.present).toBe(6);
    expect(h.past).toEqual([3]);
  });

  it("merges consecutive changes with the same key", () => {
    let h = initHistory(0);
    h = set(h, 1, "param:a");
    h = set(h, 2, "param:a");
    h = set(h, 3, "param:b");
    expect(h.past).toEqual([0, 2]);
    expect(historyReducer(h, { type: "undo" }).present).toBe(2);
  });

  it("checkpoint saves the present for a later unrecorded change (drag)", () => {
    let h = initHistory(0);
    h = historyReducer(h, { type: "checkpoint" });
    h = historyReducer(h, { type: "set", present: 9, record: false });
    expect(historyReducer(h, { type: "undo" }).present).toBe(0);
  });

  it("caps the undo stack", () => {
    let h = initHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i += 1) h = set(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });

  it("reset empties both stacks", () => {
    const h = historyReducer(set(initHistory(0), 1), { type: "reset", present: 4 });
    expect(h).toEqual({ past: [], present: 4, future: [], lastKey: null });
  });
});
