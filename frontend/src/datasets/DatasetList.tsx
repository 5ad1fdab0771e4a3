/** Registered datasets as a table, each linking to its page. */
import { Link } from "react-router-dom";
import type { DatasetListItem } from "../api/datasetHooks";

export function DatasetList({ datasets }: { datasets: DatasetListItem[] }) {
  if (datasets.length === 0) return <p className="muted">No datasets yet. Upload one to get started.</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Description</th>
          <th>Label</th>
          <th>Latest version</th>
          <th>Rows</th>
          <th>Columns</th>
          <th>Created</th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((d) => (
          <tr key={d.name}>
            <td>
              <Link to={`/datasets/${encodeURIComponent(d.name)}`}>{d.name}</Link>
            </td>
            <td>{d.description}</td>
            <td>{d.label ?? ""}</td>
            <td>{d.latest_version}</td>
            <td>{d.rows.toLocaleString("en-US")}</td>
            <td>{d.columns}</td>
            <td>{new Date(d.created_at).toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
