/** Step 1: the database to score in, a DuckDB file path or a PostgreSQL URL. */

export function ConnectionStep({ database, onChange }: { database: string; onChange: (database: string) => void }) {
  return (
    <fieldset className="scoring-step" aria-label="Connection">
      <label className="field">
        Database (DuckDB file path or PostgreSQL URL)
        <input
          type="text"
          value={database}
          placeholder="/data/shop.duckdb or postgresql://user:password@host/db"
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
        />
      </label>
    </fieldset>
  );
}
