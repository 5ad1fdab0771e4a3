/** The first rows of a dataset version. */
import { useDatasetPreview } from "../api/datasetHooks";
import { QueryState } from "../layout/QueryState";
import { RowsTable } from "./RowsTable";

export function PreviewTab({ name, version }: { name: string; version: number }) {
  const { data, isLoading, error } = useDatasetPreview(name, version);
  return (
    <QueryState isLoading={isLoading} error={error}>
      {data && (
        <>
          <p className="muted">
            First {data.rows.length.toLocaleString("en-US")} of {data.total_rows.toLocaleString("en-US")} rows.
          </p>
          <RowsTable columns={data.columns.map((c) => c.name)} rows={data.rows} />
        </>
      )}
    </QueryState>
  );
}
