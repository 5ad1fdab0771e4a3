import { Link } from "react-router-dom";
import { usePipelineList } from "../api/pipelineHooks";
import { QueryState } from "../layout/QueryState";
import { NewPipelineButton } from "../pipelines/NewPipelineButton";
import { PipelineRowActions } from "../pipelines/PipelineRowActions";
import { SamplePipelinesHint } from "../pipelines/SamplePipelinesHint";

export function PipelinesPage() {
  const { data, isLoading, error } = usePipelineList();
  return (
    <div className="page">
      <h1>Pipelines</h1>
      <div className="home-actions">
        <NewPipelineButton />
      </div>
      <QueryState isLoading={isLoading} error={error}>
        {data && data.length === 0 ? (
          <SamplePipelinesHint />
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Description</th>
                <th>Version</th>
                <th>Nodes</th>
                <th>Updated</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {(data ?? []).map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/pipelines/${encodeURIComponent(p.id)}`}>{p.name || p.id}</Link>
                  </td>
                  <td>{p.description}</td>
                  <td>{p.version}</td>
                  <td>{p.nodes}</td>
                  <td>{new Date(p.updated_at).toLocaleString()}</td>
                  <td>
                    <PipelineRowActions name={p.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </div>
  );
}
