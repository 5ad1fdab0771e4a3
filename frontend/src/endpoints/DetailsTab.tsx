/** Details tab: where the endpoint answers, what it runs and where it came from. */
import { Link } from "react-router-dom";
import type { Endpoint } from "../api/endpointHooks";

export function DetailsTab({ endpoint }: { endpoint: Endpoint }) {
  const run = endpoint.training_run_id;
  return (
    <dl className="review-list endpoint-details">
      <dt>Scoring URI</dt>
      <dd><code>{endpoint.scoring_uri}</code></dd>
      <dt>MLflow URI</dt>
      <dd><code>{endpoint.invocations_uri}</code></dd>
      <dt>Swagger</dt>
      <dd><a href={endpoint.swagger_uri} target="_blank" rel="noreferrer">{endpoint.swagger_uri}</a></dd>
      <dt>Status</dt>
      <dd>{endpoint.status}</dd>
      <dt>Runtime</dt>
      <dd>
        {endpoint.runtime === "onnx" ? "ONNX" : endpoint.runtime === "python" ? "Python" : endpoint.runtime}
        {endpoint.runtime_reason && <span className="muted"> — {endpoint.runtime_reason}</span>}
      </dd>
      <dt>Pipeline</dt>
      <dd><Link to={`/pipelines/${encodeURIComponent(endpoint.pipeline)}`}>{endpoint.pipeline}</Link></dd>
      <dt>Training run</dt>
      <dd>{run ? <Link to={`/runs/${encodeURIComponent(run)}`}>{run.slice(0, 8)}</Link> : "–"}</dd>
      <dt>Model</dt>
      <dd>{endpoint.model ? `${endpoint.model.name} version ${endpoint.model.version}` : "–"}</dd>
      <dt>Extra columns</dt>
      <dd>{endpoint.extra_columns === "reject" ? "rejected" : "ignored"}</dd>
      {endpoint.description && (
        <>
          <dt>Description</dt>
          <dd>{endpoint.description}</dd>
        </>
      )}
      <dt>Created</dt>
      <dd>{new Date(endpoint.created_at).toLocaleString()}</dd>
    </dl>
  );
}
