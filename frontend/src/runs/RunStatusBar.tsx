/** The designer's bar for the current run: status, duration, link, Cancel. */
import { Link } from "react-router-dom";
import { useCancelRun, type RunRecord, errorText } from "../api/runHooks";
import { errorMessage } from "../layout/QueryState";
import { isRunFinished } from "./runEvents";
import { RunStatusBadge } from "./RunStatusBadge";
import { formatSeconds } from "./statusStyle";

export function RunStatusBar({ run, streamError }: { run: RunRecord; streamError?: string | null }) {
  const cancel = useCancelRun();
  const finished = isRunFinished(run.status);
  return (
    <div className="run-status-bar" role="status">
      <span>Run</span>
      <Link to={`/runs/${encodeURIComponent(run.run_id)}`}>{run.run_id.slice(0, 8)}</Link>
      <RunStatusBadge status={run.status} testId="run-status" />
      {run.seconds !== null && <span className="muted">{formatSeconds(run.seconds)}</span>}
      {run.error && <span className="field-error">{errorText(run.error)}</span>}
      {streamError && !finished && <span className="field-error">{streamError}</span>}
      {!finished && (
        <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate(run.run_id)}>
          {cancel.isPending ? "Canceling…" : "Cancel"}
        </button>
      )}
      {cancel.error != null && <span className="field-error">{errorMessage(cancel.error)}</span>}
    </div>
  );
}
