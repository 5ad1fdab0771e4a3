/** AutoML: every job, newest first, and the way to a new one. */
import { Link } from "react-router-dom";
import { useAutoMLJobs } from "../api/automlHooks";
import { formatMetric } from "../automl/leaderboard";
import { QueryState } from "../layout/QueryState";
import { RunStatusBadge } from "../runs/RunStatusBadge";
import "../automl/automl.css";

export function AutoMLJobsPage() {
  const jobs = useAutoMLJobs();
  const items = jobs.data ?? [];
  return (
    <div className="page">
      <div className="page-header">
        <h1>AutoML</h1>
        <Link className="link-button primary" to="/automl/new">
          New AutoML job
        </Link>
      </div>
      <QueryState isLoading={jobs.isLoading} error={jobs.error}>
        {items.length === 0 ? (
          <p className="muted">No AutoML jobs yet. Start one to find the best model for a dataset.</p>
        ) : (
          <table className="data-table" aria-label="AutoML jobs">
            <thead>
              <tr>
                <th>Name</th>
                <th>Dataset</th>
                <th>Task</th>
                <th>Metric</th>
                <th>Status</th>
                <th>Best</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {items.map((job) => (
                <tr key={job.id} data-testid={`automl-job-${job.id}`}>
                  <td>
                    <Link to={`/automl/jobs/${encodeURIComponent(job.id)}`}>{job.name}</Link>
                  </td>
                  <td>{job.dataset}</td>
                  <td>{job.task}</td>
                  <td>{job.result?.metric ?? job.metric ?? "default"}</td>
                  <td>
                    <RunStatusBadge status={job.status} />
                  </td>
                  <td>
                    {job.progress?.best_estimator ?? job.result?.best_estimator ?? ""}{" "}
                    {formatMetric(job.result?.best_metric ?? job.progress?.best_metric)}
                  </td>
                  <td>{new Date(job.created_at).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </div>
  );
}
