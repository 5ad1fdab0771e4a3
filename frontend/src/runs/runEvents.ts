/** Server-sent run events folded into the run and the per-node step view. */
import type { RunRecord, RunStep } from "../api/runHooks";

export interface RunStreamState {
  run: RunRecord | null;
  ended: boolean;
  error: string | null;
}

export type RunStreamEvent =
  | { type: "run"; data: string }
  | { type: "end" }
  | { type: "error"; message: string };

export const INITIAL_RUN_STREAM: RunStreamState = { run: null, ended: false, error: null };

export const TERMINAL_RUN_STATUSES = new Set(["completed", "failed", "canceled"]);

export function isRunFinished(status: string | undefined): boolean {
  return status !== undefined && TERMINAL_RUN_STATUSES.has(status);
}

/** Parses the data of a `run` event; null when it is not a run object. */
export function parseRunEventData(data: string): RunRecord | null {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== "object" || parsed === null || typeof (parsed as RunRecord).run_id !== "string") return null;
    const run = parsed as RunRecord;
    return { ...run, steps: Array.isArray(run.steps) ? run.steps : [] };
  } catch {
    return null;
  }
}

export function runStreamReducer(state: RunStreamState, event: RunStreamEvent): RunStreamState {
  switch (event.type) {
    case "run": {
      const run = parseRunEventData(event.data);
      return run ? { ...state, run, error: null } : state;
    }
    case "end":
      return { ...state, ended: true };
    case "error":
      return state.ended ? state : { ...state, error: event.message };
  }
}

/** The step of each node of the run, by node id. */
export function stepsByNode(steps: RunStep[] | undefined): Map<string, RunStep> {
  return new Map((steps ?? []).map((s) => [s.node_id, s]));
}
