/** Step 2: a table (or view) of the database, with its column kinds and first rows. */
import type { ScoringTable } from "../api/scoringHooks";
import { useTablePreview } from "../api/scoringHooks";
import { RowsTable } from "../datasets/RowsTable";
import { QueryState } from "../layout/QueryState";

interface Props {
  database: string;
  tables: ScoringTable[];
  chosen: string;
  onChoose: (table: string) => void;
}

export function TableStep({ database, tables, chosen, onChoose }: Props) {
  const preview = useTablePreview(database, chosen);
  if (tables.length === 0) return <p className="muted">This database has no tables.</p>;
  return (
    <div className="scoring-step">
      <div role="radiogroup" aria-label="Tables" className="scoring-choices">
        {tables.map((t) => (
          <label key={t.name}>
            <input type="radio" name="table" checked={t.name === chosen} onChange={() => onChoose(t.name)} />
            {t.name}
            {t.type === "view" && <span className="muted"> (view)</span>}
          </label>
        ))}
      </div>
      {chosen && (
        <QueryState isLoading={preview.isLoading} error={preview.error}>
          {preview.data && (
            <>
              <p className="muted" data-testid="column-kinds">
                {preview.data.columns.map((c) => `${c.name}: ${c.kind}`).join(" · ")}
              </p>
              <RowsTable
                caption={`First rows of ${chosen}`}
                columns={preview.data.columns.map((c) => c.name)}
                rows={preview.data.rows}
              />
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
