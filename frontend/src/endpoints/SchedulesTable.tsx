/** Schedules with their next and last run, paused state and Pause/Resume and Delete. */
import { Link } from "react-router-dom";
import { useDeleteSchedule, usePauseSchedule, type Schedule } from "../api/pipelineEndpointHooks";
import { errorMessage } from "../layout/QueryState";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "–");

export function SchedulesTable({ schedules, showEndpoint = true }: { schedules: Schedule[]; showEndpoint?: boolean }) {
  const pause = usePauseSchedule();
  const remove = useDeleteSchedule();
  if (schedules.length === 0) return <p className="muted">No schedules.</p>;
  const onDelete = (s: Schedule) => {
    if (window.confirm(`Delete schedule "${s.name}"? Runs it started are kept.`)) remove.mutate(s.id);
  };
  const error = pause.error ?? remove.error;
  return (
    <>
      <table className="data-table" aria-label="Schedules">
        <thead>
          <tr>
            <th>Name</th>
            {showEndpoint && <th>Endpoint</th>}
            <th>Cron</th>
            <th>Next run</th>
            <th>Last run</th>
            <th>Paused</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {schedules.map((s) => (
            <tr key={s.id} data-testid={`schedule-${s.id}`}>
              <td>{s.name}</td>
              {showEndpoint && (
                <td>
                  <Link to={`/pipeline-endpoints/${encodeURIComponent(s.endpoint)}`}>{s.endpoint}</Link>
                </td>
              )}
              <td>
                <code>{s.cron}</code>
                {s.timezone && s.timezone !== "UTC" && <span className="muted"> {s.timezone}</span>}
              </td>
              <td>{s.paused ? "–" : when(s.next_run_at)}</td>
              <td>
                {s.last_run_id ? (
                  <Link to={`/runs/${encodeURIComponent(s.last_run_id)}`}>{when(s.last_run_at)}</Link>
                ) : (
                  when(s.last_run_at)
                )}
              </td>
              <td>{s.paused ? "Yes" : "No"}</td>
              <td className="row-actions">
                <button
                  type="button"
                  aria-label={`${s.paused ? "Resume" : "Pause"} ${s.name}`}
                  disabled={pause.isPending}
                  onClick={() => pause.mutate({ id: s.id, paused: !s.paused })}
                >
                  {s.paused ? "Resume" : "Pause"}
                </button>
                <button type="button" className="danger" aria-label={`Delete ${s.name}`} onClick={() => onDelete(s)}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error != null && <p className="field-error" role="alert">{errorMessage(error)}</p>}
    </>
  );
}
