/** A job's actions: Deploy, Use in designer and Download script once completed; Cancel while active. */
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { isActive, scriptUrl, useAutoMLPipeline, useCancelAutoMLJob } from "../api/automlHooks";
import type { AutoMLJob } from "../api/automlTypes";
import { errorMessage } from "../layout/QueryState";
import { AutoMLDeployDialog } from "./AutoMLDeployDialog";

export function JobActions({ job }: { job: AutoMLJob }) {
  const navigate = useNavigate();
  const cancel = useCancelAutoMLJob(job.id);
  const pipeline = useAutoMLPipeline(job.id);
  const [deploying, setDeploying] = useState(false);
  const completed = job.status === "completed";
  const error = cancel.error ?? pipeline.error;

  const useInDesigner = () =>
    pipeline.mutate(null, { onSuccess: (created) => navigate(`/pipelines/${encodeURIComponent(created.id)}`) });

  return (
    <div className="job-actions">
      {completed && (
        <>
          <button type="button" className="primary" onClick={() => setDeploying(true)}>
            Deploy
          </button>
          <button type="button" onClick={useInDesigner} disabled={pipeline.isPending}>
            {pipeline.isPending ? "Creating pipeline…" : "Use in designer"}
          </button>
          <a className="link-button" href={scriptUrl(job.id)} download={`${job.name}.py`}>
            Download script
          </a>
        </>
      )}
      {isActive(job.status) && (
        <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          {cancel.isPending ? "Canceling…" : "Cancel"}
        </button>
      )}
      {error != null && (
        <p className="field-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {deploying && <AutoMLDeployDialog jobId={job.id} jobName={job.name} onClose={() => setDeploying(false)} />}
    </div>
  );
}
