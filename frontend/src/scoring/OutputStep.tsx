/** Step 5: the output table (or, on PostgreSQL, view) name and the score columns to write. */
import type { ScoringModel, ScoringOutput } from "../api/scoringHooks";

interface Props {
  model: ScoringModel;
  target: string;
  scoreColumns: string[];
  /** Whether the database can hold a scoring view (PostgreSQL, where the model runs in the server). */
  viewPossible: boolean;
  output: ScoringOutput;
  onTarget: (target: string) => void;
  onScoreColumns: (columns: string[]) => void;
  onOutput: (output: ScoringOutput) => void;
}

export function OutputStep(props: Props) {
  const { model, target, scoreColumns, viewPossible, output, onTarget, onScoreColumns, onOutput } = props;
  const toggle = (column: string, on: boolean) =>
    onScoreColumns(model.outputs.map((o) => o.column).filter((c) => (c === column ? on : scoreColumns.includes(c))));
  return (
    <fieldset className="scoring-step" aria-label="Output">
      {viewPossible && (
        <div role="radiogroup" aria-label="Output kind" className="scoring-choices">
          <label>
            <input type="radio" checked={output === "table"} onChange={() => onOutput("table")} />
            Table <span className="muted">(scores written now)</span>
          </label>
          <label>
            <input type="radio" checked={output === "view"} onChange={() => onOutput("view")} />
            View <span className="muted">(scored inside PostgreSQL whenever it is read)</span>
          </label>
        </div>
      )}
      <label className="field">
        {output === "view" ? "Output view" : "Output table"}
        <input type="text" value={target} onChange={(e) => onTarget(e.target.value)} spellCheck={false} />
      </label>
      <p className="muted">
        The {output} is replaced if it exists; it holds the scored table's columns and:
      </p>
      <div role="group" aria-label="Score columns" className="scoring-choices">
        {model.outputs.map((o) => (
          <label key={o.column}>
            <input
              type="checkbox"
              checked={scoreColumns.includes(o.column)}
              onChange={(e) => toggle(o.column, e.target.checked)}
            />
            {o.column} <span className="muted">({o.type})</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
