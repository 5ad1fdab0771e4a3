/** Deploys a job's best model as a real-time endpoint, then opens the endpoint page. */
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { useDeployAutoMLJob } from "../api/automlHooks";
import { suggestEndpointName } from "../endpoints/endpointName";
import { errorMessage } from "../layout/QueryState";
import "../runs/runs.css";

export function AutoMLDeployDialog({ jobId, jobName, onClose }: { jobId: string; jobName: string; onClose: () => void }) {
  const deploy = useDeployAutoMLJob(jobId);
  const navigate = useNavigate();
  const [name, setName] = useState(() => suggestEndpointName(jobName));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    deploy.mutate(name.trim(), { onSuccess: (endpoint) => navigate(`/endpoints/${encodeURIComponent(endpoint.name)}`) });
  };

  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-label="Deploy best model" onSubmit={onSubmit}>
        <h2>Deploy best model</h2>
        <p className="muted">Serves the job's best model at /endpoints/&lt;name&gt;/score with key authentication.</p>
        <label className="field">
          <span>Endpoint name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        </label>
        {deploy.error != null && (
          <p className="field-error" role="alert">
            {errorMessage(deploy.error)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={deploy.isPending || !name.trim()}>
            {deploy.isPending ? "Deploying…" : "Deploy"}
          </button>
        </div>
      </form>
    </div>
  );
}
