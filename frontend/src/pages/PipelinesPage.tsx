import { Link, useNavigate } from "react-router-dom";
import { useCreatePipeline, usePipelines } from "../api/hooks";
import { errorMessage, QueryState } from "../layout/QueryState";

export function PipelinesPage() {
  const { data, isLoading, error } = usePipelines();
  const create = useCreatePipeline();
  const navigate = useNavigate();
  const onCreate = () =>
    create.mutate(
      { schema_version: 1, name: "New pipeline", description: "", parameters: {}, nodes: [], edges: [] },
      { onSuccess: (record) => navigate(`/pipelines/${encodeURIComponent(record.id)}`) },
    );
  return (
    <div className="page">
      <h1>Pipelines</h1>
      <p>
        <button type="button" onClick={onCreate} disabled={create.isPending}>
          New pipeline
        </button>
        {create.error && <span className="field-error"> {errorMessage(create.error)}</span>}
      </p>
      <QueryState isLoading={isLoading} error={error}>
        <table className="data-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Description</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/pipelines/${encodeURIComponent(p.id)}`}>{p.name || p.id}</Link>
                </td>
                <td>{p.description}</td>
                <td>{p.updated_at}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </div>
  );
}
