/** An AutoML job's header: name, status, what it learns from, progress and any error. */
import { Link } from "react-router-dom";
import type { AutoMLJob } from "../api/automlTypes";
import { RunStatusBadge } from "../runs/RunStatusBadge";
import { JobProgress } from "./JobProgress";

export function JobHeader({ job }: { job: AutoMLJob }) {
  const metric = job.result?.metric ?? job.metric ?? "default metric";
  return (
    <header className="job-header">
      <div className="page-header">
        <h1>{job.name}</h1>
        <RunStatusBadge status={job.status} testId="job-status" />
      </div>
      <div className="job-facts">
        <span>
          Dataset <Link to={`/datasets/${encodeURIComponent(job.dataset)}`}>{job.dataset}</Link>
          {job.dataset_version !== null ? ` v${job.dataset_version}` : ""}
        </span>
        <span>Target {job.target}</span>
        <span>{job.task}</span>
        <span>Metric {metric}</span>
        {job.registered_model && (
          <span>
            Registered model {job.registered_model.name}:{job.registered_model.version}
          </span>
        )}
      </div>
      <JobProgress job={job} />
      {job.error && (
        <p className="field-error" role="alert" data-testid="job-error">
          {job.error.message ?? "The job failed."}
          {job.error.code ? ` (${job.error.code})` : ""}
        </p>
      )}
    </header>
  );
}
