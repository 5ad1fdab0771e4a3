/** A scrollable table of data rows; missing values are marked. */
import type { DataRow } from "../api/datasetHooks";
import { cellText } from "./formatValue";

export function RowsTable({ columns, rows, caption }: { columns: string[]; rows: DataRow[]; caption?: string }) {
  return (
    <div className="rows-table-scroll">
      <table className="data-table rows-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => {
                const value = row[c];
                const missing = value === null || value === undefined;
                return (
                  <td key={c} className={missing ? "cell-missing" : undefined}>
                    {missing ? "null" : cellText(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
