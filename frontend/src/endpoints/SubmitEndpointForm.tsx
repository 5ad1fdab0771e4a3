/** Starts a run of a pipeline endpoint with Azure's published-pipeline body. */
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { useSubmitToEndpoint, type PipelineEndpoint, type SubmitRequest } from "../api/pipelineEndpointHooks";
import { errorMessage } from "../layout/QueryState";
import { ParameterFields, parameterAssignments, parameterTexts } from "./ParameterFields";

export function SubmitEndpointForm({ endpoint }: { endpoint: PipelineEndpoint }) {
  const submit = useSubmitToEndpoint(endpoint.name);
  const [version, setVersion] = useState(endpoint.default_version);
  const chosen = endpoint.versions.find((v) => v.version === version) ?? endpoint.versions[0];
  const defaults = chosen?.parameters ?? {};
  const [experiment, setExperiment] = useState(endpoint.name);
  const [texts, setTexts] = useState(() => parameterTexts(defaults));
  const [formError, setFormError] = useState<string | null>(null);

  const chooseVersion = (v: number) => {
    setVersion(v);
    setTexts(parameterTexts(endpoint.versions.find((x) => x.version === v)?.parameters ?? {}));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    let body: SubmitRequest;
    try {
      body = { ExperimentName: experiment.trim(), ParameterAssignments: parameterAssignments(texts, defaults) };
    } catch (err) {
      setFormError((err as Error).message);
      return;
    }
    if (version !== endpoint.default_version) body.Version = version;
    submit.mutate(body);
  };

  return (
    <form className="stack-form" aria-label="Submit run" onSubmit={onSubmit}>
      <label className="field">
        <span>Version</span>
        <select value={version} onChange={(e) => chooseVersion(Number(e.target.value))}>
          {endpoint.versions.map((v) => (
            <option key={v.version} value={v.version}>
              {v.version}
              {v.version === endpoint.default_version ? " (default)" : ""}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Experiment name</span>
        <input value={experiment} onChange={(e) => setExperiment(e.target.value)} />
      </label>
      <ParameterFields texts={texts} onChange={setTexts} />
      {formError && <p className="field-error" role="alert">{formError}</p>}
      {submit.error != null && <p className="field-error" role="alert">{errorMessage(submit.error)}</p>}
      <div className="row-actions">
        <button type="submit" className="primary" disabled={submit.isPending || !experiment.trim()}>
          {submit.isPending ? "Submitting…" : "Submit"}
        </button>
        {submit.data && (
          <span role="status">
            Started run <Link to={`/runs/${encodeURIComponent(submit.data.run_id)}`}>{submit.data.run_id.slice(0, 8)}</Link>
          </span>
        )}
      </div>
    </form>
  );
}
