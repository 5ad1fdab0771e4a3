/** The endpoints list's two tables: real-time endpoints and pipeline endpoints. */
import { Link } from "react-router-dom";
import type { Endpoint } from "../api/endpointHooks";
import { usePipelineEndpointRuns, type PipelineEndpoint } from "../api/pipelineEndpointHooks";
import { RunStatusBadge } from "../runs/RunStatusBadge";

const date = (iso: string) => new Date(iso).toLocaleString();

export function RealtimeEndpointsTable({ endpoints }: { endpoints: Endpoint[] }) {
  if (endpoints.length === 0) {
    return <p className="muted">No real-time endpoints. Deploy a real-time inference pipeline from the designer.</p>;
  }
  return (
    <table className="data-table" aria-label="Real-time endpoints">
      <thead>
        <tr>
          <th>Name</th>
          <th>Status</th>
          <th>Runtime</th>
          <th>Model version</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        {endpoints.map((e) => (
          <tr key={e.name}>
            <td>
              <Link to={`/endpoints/${encodeURIComponent(e.name)}`}>{e.name}</Link>
            </td>
            <td>{e.status}</td>
            <td title={e.runtime_reason ?? undefined}>{e.runtime}</td>
            <td>{e.model ? `${e.model.name}:${e.model.version}` : "–"}</td>
            <td>{date(e.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LastRunCell({ name }: { name: string }) {
  const runs = usePipelineEndpointRuns(name);
  const last = runs.data?.[0]; // newest first
  if (!last) return <span className="muted">–</span>;
  return (
    <span className="row-actions">
      <Link to={`/runs/${encodeURIComponent(last.run_id)}`}>{last.created_at ? date(last.created_at) : last.run_id.slice(0, 8)}</Link>
      <RunStatusBadge status={last.status} />
    </span>
  );
}

export function PipelineEndpointsTable({ endpoints }: { endpoints: PipelineEndpoint[] }) {
  if (endpoints.length === 0) {
    return <p className="muted">No pipeline endpoints. Publish a pipeline from the designer.</p>;
  }
  return (
    <table className="data-table" aria-label="Pipeline endpoints">
      <thead>
        <tr>
          <th>Name</th>
          <th>Default version</th>
          <th>Versions</th>
          <th>Last run</th>
        </tr>
      </thead>
      <tbody>
        {endpoints.map((e) => (
          <tr key={e.name}>
            <td>
              <Link to={`/pipeline-endpoints/${encodeURIComponent(e.name)}`}>{e.name}</Link>
            </td>
            <td>{e.default_version}</td>
            <td>{e.versions.length}</td>
            <td>
              <LastRunCell name={e.name} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
