/** The columns of a table: name, type, role, categorical flag. */
import type { DatasetColumn } from "../api/types";

export function ColumnsTable({ columns }: { columns: DatasetColumn[] }) {
  return (
    <table className="data-table columns-table">
      <thead>
        <tr>
          <th>Column</th>
          <th>Type</th>
          <th>Role</th>
          <th>Categorical</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c) => (
          <tr key={c.name}>
            <td>{c.name}</td>
            <td>{c.type}</td>
            <td>{c.role}</td>
            <td>{c.categorical ? "yes" : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
