/** Undo/redo history as a pure reducer over snapshots. */

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Key of the last recorded change; consecutive changes with the same key merge into one step. */
  lastKey: string | null;
}

export type HistoryAction<T> =
  /** Replace the present. `record` pushes the old present on the undo stack. */
  | { type: "set"; present: T | ((previous: T) => T); record: boolean; mergeKey?: string }
  /** Push the present on the undo stack without changing it (e.g. before a drag). */
  | { type: "checkpoint" }
  | { type: "undo" }
  | { type: "redo" }
  /** Start over with a new present and empty stacks. */
  | { type: "reset"; present: T };

export const HISTORY_LIMIT = 100;

export function initHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null };
}

function pushPast<T>(past: T[], item: T): T[] {
  const next = [...past, item];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

export function historyReducer<T>(state: History<T>, action: HistoryAction<T>): History<T> {
  switch (action.type) {
    case "set": {
      const present = typeof action.present === "function"
        ? (action.present as (previous: T) => T)(state.present)
        : action.present;
      if (present === state.present) return state;
      if (!action.record) return { ...state, present };
      const key = action.mergeKey ?? null;
      if (key !== null && key === state.lastKey) return { ...state, present, future: [] };
      return { past: pushPast(state.past, state.present), present, future: [], lastKey: key };
    }
    case "checkpoint":
      return { past: pushPast(state.past, state.present), present: state.present, future: [], lastKey: null };
    case "undo": {
      if (state.past.length === 0) return state;
      const previous = state.past[state.past.length - 1];
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future], lastKey: null };
    }
    case "redo": {
      if (state.future.length === 0) return state;
      const [next, ...rest] = state.future;
      return { past: pushPast(state.past, state.present), present: next, future: rest, lastKey: null };
    }
    case "reset":
      return initHistory(action.present);
  }
}
