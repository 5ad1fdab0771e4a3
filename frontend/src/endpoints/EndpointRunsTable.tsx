/** The runs a pipeline endpoint started (by API call or schedule), with their status. */
import { Link } from "react-router-dom";
import { usePipelineEndpointRuns } from "../api/pipelineEndpointHooks";
import { QueryState } from "../layout/QueryState";
import { RunStatusBadge } from "../runs/RunStatusBadge";

export function EndpointRunsTable({ name }: { name: string }) {
  const runs = usePipelineEndpointRuns(name);
  return (
    <QueryState isLoading={runs.isLoading} error={runs.error}>
      {(runs.data ?? []).length === 0 ? (
        <p className="muted">No runs yet.</p>
      ) : (
        <table className="data-table" aria-label="Runs triggered">
          <thead>
            <tr>
              <th>Run</th>
              <th>Version</th>
              <th>Trigger</th>
              <th>Experiment</th>
              <th>Status</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {(runs.data ?? []).map((r) => (
              <tr key={r.run_id}>
                <td>
                  <Link to={`/runs/${encodeURIComponent(r.run_id)}`}>{r.run_id.slice(0, 8)}</Link>
                </td>
                <td>{r.version}</td>
                <td>{r.trigger}</td>
                <td>{r.experiment}</td>
                <td>
                  <RunStatusBadge status={r.status} />
                </td>
                <td>{r.created_at ? new Date(r.created_at).toLocaleString() : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryState>
  );
}
