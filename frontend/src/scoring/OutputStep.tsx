/** Step 5: the output table's name and the score columns to write. */
import type { ScoringModel } from "../api/scoringHooks";

interface Props {
  model: ScoringModel;
  target: string;
  scoreColumns: string[];
  onTarget: (target: string) => void;
  onScoreColumns: (columns: string[]) => void;
}

export function OutputStep({ model, target, scoreColumns, onTarget, onScoreColumns }: Props) {
  const toggle = (column: string, on: boolean) =>
    onScoreColumns(model.outputs.map((o) => o.column).filter((c) => (c === column ? on : scoreColumns.includes(c))));
  return (
    <fieldset className="scoring-step" aria-label="Output">
      <label className="field">
        Output table
        <input type="text" value={target} onChange={(e) => onTarget(e.target.value)} spellCheck={false} />
      </label>
      <p className="muted">The table is replaced if it exists; it holds the scored table's columns and:</p>
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
