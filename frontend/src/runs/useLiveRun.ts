/** A run fetched once, then followed through its event stream while it is not finished. */
import { useRun } from "../api/runHooks";
import { isRunFinished } from "./runEvents";
import { useRunEvents } from "./useRunEvents";

export function useLiveRun(runId: string | undefined) {
  const query = useRun(runId);
  const live = query.data !== undefined && !isRunFinished(query.data.status);
  const stream = useRunEvents(runId, live);
  const run = stream.run && stream.run.run_id === runId ? stream.run : query.data;
  return { run, isLoading: query.isLoading, error: query.error, streamError: stream.error };
}
