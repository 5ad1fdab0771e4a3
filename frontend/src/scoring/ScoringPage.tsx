/** Score a database table with a registered model. */
import { ScoringWizard } from "./ScoringWizard";

export function ScoringPage() {
  return (
    <div className="page">
      <h1>Score a table</h1>
      <p className="muted">
        Score the rows of a DuckDB or PostgreSQL table with a registered model and write them, with their scores, to a
        new table.
      </p>
      <ScoringWizard />
    </div>
  );
}
