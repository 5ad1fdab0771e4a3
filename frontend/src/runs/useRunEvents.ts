/** Follows a run through GET /api/runs/{id}/events (server-sent events). */
import { useEffect, useReducer } from "react";
import { INITIAL_RUN_STREAM, runStreamReducer, type RunStreamState } from "./runEvents";

type ResettableEvent = Parameters<typeof runStreamReducer>[1] | { type: "reset" };

function reducer(state: RunStreamState, event: ResettableEvent): RunStreamState {
  return event.type === "reset" ? INITIAL_RUN_STREAM : runStreamReducer(state, event);
}

export function useRunEvents(runId: string | null | undefined, enabled = true): RunStreamState {
  const [state, dispatch] = useReducer(reducer, INITIAL_RUN_STREAM);

  useEffect(() => {
    dispatch({ type: "reset" });
    if (!runId || !enabled || typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/runs/${encodeURIComponent(runId)}/events`);
    source.addEventListener("run", (e) => dispatch({ type: "run", data: (e as MessageEvent<string>).data }));
    source.addEventListener("end", () => {
      dispatch({ type: "end" });
      source.close();
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) dispatch({ type: "error", message: "The run's event stream closed." });
    };
    return () => source.close();
  }, [runId, enabled]);

  return state;
}
