/** A table output: column names with type/role, then the first rows. */
import type { TableOutput } from "../api/runHooks";

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toPrecision(6);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export function TableView({ table }: { table: TableOutput }) {
  return (
    <div className="table-scroll" data-testid="output-table">
      <p className="muted">
        {table.columns.length} columns, first {table.rows.length} rows
      </p>
      <table className="data-table">
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.name} title={`${c.type}${c.role ? `, ${c.role}` : ""}`}>
                {c.name}
                <div className="column-type">{c.type}{c.role && c.role !== "feature" ? ` · ${c.role}` : ""}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((c) => (
                <td key={c.name}>{cellText(row[c.name])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
