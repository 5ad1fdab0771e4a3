/** Wizard step 2: the first rows and the columns the server read from the file. */
import type { InspectResult } from "../api/datasetHooks";
import { ColumnsTable } from "./ColumnsTable";
import { RowsTable } from "./RowsTable";

export function UploadPreviewStep({ result }: { result: InspectResult }) {
  const columns = result.columns.map((c) => c.name);
  return (
    <div className="upload-step">
      <p>
        <strong>{result.filename}</strong>: {result.rows.toLocaleString("en-US")} rows, {columns.length} columns.
      </p>
      <h3>First rows</h3>
      <RowsTable columns={columns} rows={result.preview} />
      <h3>Columns</h3>
      <ColumnsTable columns={result.columns} />
    </div>
  );
}
