/** Deploys a saved real-time inference pipeline as an endpoint, then opens the endpoint page. */
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { useDeployEndpoint } from "../api/endpointHooks";
import { errorMessage } from "../layout/QueryState";
import { suggestEndpointName } from "./endpointName";
import "../runs/runs.css";
import "./endpoints.css";

export interface DeployDialogProps {
  pipelineId: string;
  /** Saves pending changes first; false stops the deployment. */
  ensureSaved: () => Promise<boolean>;
  onClose: () => void;
}

export function DeployDialog({ pipelineId, ensureSaved, onClose }: DeployDialogProps) {
  const deploy = useDeployEndpoint();
  const navigate = useNavigate();
  const [name, setName] = useState(() => suggestEndpointName(pipelineId));
  const [description, setDescription] = useState("");
  const [extraColumns, setExtraColumns] = useState<"ignore" | "reject">("ignore");

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await ensureSaved())) return;
    const body = { name: name.trim(), pipeline: pipelineId, description: description.trim(), extra_columns: extraColumns };
    deploy.mutate(body, { onSuccess: (endpoint) => navigate(`/endpoints/${encodeURIComponent(endpoint.name)}`) });
  };

  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-label="Deploy real-time endpoint" onSubmit={(e) => void onSubmit(e)}>
        <h2>Deploy real-time endpoint</h2>
        <p className="muted">Serves pipeline {pipelineId} at /endpoints/&lt;name&gt;/score with key authentication.</p>
        <label className="field">
          <span>Endpoint name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        </label>
        <label className="field">
          <span>Endpoint description</span>
          <input value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label className="field">
          <span>Extra columns in requests</span>
          <select value={extraColumns} onChange={(e) => setExtraColumns(e.target.value as "ignore" | "reject")}>
            <option value="ignore">Ignore them</option>
            <option value="reject">Reject the request (400)</option>
          </select>
        </label>
        {deploy.error != null && <p className="field-error" role="alert">{errorMessage(deploy.error)}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={deploy.isPending || !name.trim()}>
            {deploy.isPending ? "Deploying…" : "Deploy"}
          </button>
        </div>
      </form>
    </div>
  );
}
