import { Link } from "react-router-dom";
import { useDatasets } from "../api/hooks";
import { QueryState } from "../layout/QueryState";

export function DatasetsPage() {
  const { data, isLoading, error } = useDatasets();
  return (
    <div className="page">
      <h1>Datasets</h1>
      <QueryState isLoading={isLoading} error={error}>
        <table className="data-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Description</th>
              <th>Latest version</th>
              <th>Rows</th>
              <th>Columns</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((d) => (
              <tr key={d.name}>
                <td>
                  <Link to={`/datasets/${encodeURIComponent(d.name)}`}>{d.name}</Link>
                </td>
                <td>{d.description}</td>
                <td>{d.latest_version}</td>
                <td>{d.rows}</td>
                <td>{d.columns}</td>
                <td>{d.created_at}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </div>
  );
}
