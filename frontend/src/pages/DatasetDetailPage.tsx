import { useParams } from "react-router-dom";
import { useDataset } from "../api/hooks";
import { QueryState } from "../layout/QueryState";

export function DatasetDetailPage() {
  const { name } = useParams();
  const { data, isLoading, error } = useDataset(name);
  const latest = data?.versions[data.versions.length - 1];
  return (
    <div className="page">
      <h1>Dataset {name}</h1>
      <QueryState isLoading={isLoading} error={error}>
        {data && <p>{data.description}</p>}
        {latest && (
          <>
            <h2>
              Version {latest.version} — {latest.rows} rows
            </h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th>Column</th>
                  <th>Type</th>
                  <th>Role</th>
                  <th>Categorical</th>
                </tr>
              </thead>
              <tbody>
                {latest.columns.map((c) => (
                  <tr key={c.name}>
                    <td>{c.name}</td>
                    <td>{c.type}</td>
                    <td>{c.role}</td>
                    <td>{c.categorical ? "yes" : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </QueryState>
    </div>
  );
}
