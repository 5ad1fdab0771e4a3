import { Link } from "react-router-dom";
import { errorText, useRunList } from "../api/runHooks";
import { QueryState } from "../layout/QueryState";
import { MetricsSummary } from "../runs/MetricsSummary";
import { RunStatusBadge } from "../runs/RunStatusBadge";
import { formatSeconds } from "../runs/statusStyle";

export function RunsPage() {
  const { data, isLoading, error } = useRunList();
  return (
    <div className="page">
      <h1>Runs</h1>
      <QueryState isLoading={isLoading} error={error}>
        {data && data.length === 0 && <p className="muted">No runs yet. Submit a pipeline from the designer.</p>}
        {data && data.length > 0 && (
          <table className="data-table" data-testid="runs-table">
            <thead>
              <tr>
                <th>Run</th>
                <th>Pipeline</th>
                <th>Experiment</th>
                <th>Status</th>
                <th>Metrics</th>
                <th>Created</th>
                <th>Duration</th>
              </tr>
            </thead>
            <tbody>
              {data.map((r) => (
                <tr key={r.run_id} data-testid={`run-row-${r.run_id}`}>
                  <td>
                    <Link to={`/runs/${encodeURIComponent(r.run_id)}`}>{r.run_id.slice(0, 8)}</Link>
                  </td>
                  <td>{r.pipeline_name}</td>
                  <td>{r.experiment}</td>
                  <td title={errorText(r.error) ?? undefined}>
                    <RunStatusBadge status={r.status} />
                  </td>
                  <td>
                    <MetricsSummary metrics={r.metrics} />
                  </td>
                  <td>{new Date(r.created_at).toLocaleString()}</td>
                  <td>{formatSeconds(r.seconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </div>
  );
}
