import { Link } from "react-router-dom";
import { useRuns } from "../api/hooks";
import { QueryState } from "../layout/QueryState";

export function RunsPage() {
  const { data, isLoading, error } = useRuns();
  return (
    <div className="page">
      <h1>Runs</h1>
      <QueryState isLoading={isLoading} error={error}>
        <table className="data-table">
          <thead>
            <tr>
              <th>Run</th>
              <th>Pipeline</th>
              <th>Status</th>
              <th>Created</th>
              <th>Seconds</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((r) => (
              <tr key={r.run_id}>
                <td>
                  <Link to={`/runs/${encodeURIComponent(r.run_id)}`}>{r.run_id}</Link>
                </td>
                <td>{r.pipeline_name}</td>
                <td>{r.status}</td>
                <td>{r.created_at}</td>
                <td>{r.seconds ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </div>
  );
}
