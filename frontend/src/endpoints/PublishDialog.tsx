/** Publishes a saved pipeline as a (new or further) version of a pipeline endpoint. */
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { usePipelineEndpoints, usePublishPipeline } from "../api/pipelineEndpointHooks";
import { errorMessage } from "../layout/QueryState";
import { suggestEndpointName } from "./endpointName";
import "../runs/runs.css";
import "./endpoints.css";

const NEW_ENDPOINT = "";

export interface PublishDialogProps {
  pipelineId: string;
  ensureSaved: () => Promise<boolean>;
  onClose: () => void;
}

export function PublishDialog({ pipelineId, ensureSaved, onClose }: PublishDialogProps) {
  const existing = usePipelineEndpoints();
  const publish = usePublishPipeline();
  const navigate = useNavigate();
  const [choice, setChoice] = useState(NEW_ENDPOINT);
  const [newName, setNewName] = useState(() => suggestEndpointName(pipelineId));
  const [description, setDescription] = useState("");
  const [setDefault, setSetDefault] = useState(true);
  const name = (choice === NEW_ENDPOINT ? newName : choice).trim();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await ensureSaved())) return;
    const body = { name, pipeline: pipelineId, description: description.trim(), set_default: setDefault };
    publish.mutate(body, { onSuccess: (ep) => navigate(`/pipeline-endpoints/${encodeURIComponent(ep.name)}`) });
  };

  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-label="Publish pipeline" onSubmit={(e) => void onSubmit(e)}>
        <h2>Publish pipeline</h2>
        <p className="muted">Publishing to an existing endpoint adds a version to it.</p>
        <label className="field">
          <span>Pipeline endpoint</span>
          <select value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value={NEW_ENDPOINT}>New endpoint…</option>
            {(existing.data ?? []).map((ep) => (
              <option key={ep.name} value={ep.name}>{ep.name}</option>
            ))}
          </select>
        </label>
        {choice === NEW_ENDPOINT && (
          <label className="field">
            <span>New endpoint name</span>
            <input value={newName} onChange={(e) => setNewName(e.target.value)} autoFocus />
          </label>
        )}
        <label className="field">
          <span>Endpoint description</span>
          <input value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label className="checkbox-label">
          <input type="checkbox" checked={setDefault} onChange={(e) => setSetDefault(e.target.checked)} /> Set as default
          version
        </label>
        {publish.error != null && <p className="field-error" role="alert">{errorMessage(publish.error)}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={publish.isPending || !name}>
            {publish.isPending ? "Publishing…" : "Publish"}
          </button>
        </div>
      </form>
    </div>
  );
}
