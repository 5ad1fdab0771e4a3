/** Pipeline parameters: named values nodes refer to as ${parameters.name}, asked again at
 * submit time. Rows with a bad or repeated name are shown with the reason and not applied. */
import { useState } from "react";
import { parameterRef, parametersOf, rowProblems, rowsOf, type ParameterRow } from "./parameterRows";

export function ParametersEditor({
  parameters,
  onChange,
}: {
  parameters: Record<string, unknown>;
  onChange: (parameters: Record<string, unknown>) => void;
}) {
  const [rows, setRows] = useState<ParameterRow[]>(() => rowsOf(parameters));
  const problems = rowProblems(rows);
  const update = (next: ParameterRow[]) => {
    setRows(next);
    if (Object.keys(rowProblems(next)).length === 0) onChange(parametersOf(next));
  };
  const unusedName = () => {
    let n = rows.length + 1;
    while (rows.some((r) => r.name === `param${n}`)) n += 1;
    return `param${n}`;
  };
  return (
    <div className="parameters-editor" data-testid="parameters-editor">
      {rows.length === 0 && <p className="muted">No parameters. Add one to set a value at each submit.</p>}
      {rows.map((row, i) => (
        <div className="parameter-row" key={i}>
          <div className="parameter-inputs">
            <input
              aria-label={`Parameter ${i + 1} name`}
              value={row.name}
              aria-invalid={problems[i] ? true : undefined}
              onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, name: e.target.value.trim() } : r)))}
            />
            <input
              aria-label={`Parameter ${i + 1} default`}
              value={row.text}
              placeholder="default value"
              onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, text: e.target.value } : r)))}
            />
            <button
              type="button"
              className="param-toggle"
              title="Remove this parameter"
              aria-label={`Remove parameter ${row.name || i + 1}`}
              onClick={() => update(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
          {problems[i] ? (
            <small className="field-error" role="alert">{problems[i]}</small>
          ) : (
            <small className="param-help">
              use as <code>{parameterRef(row.name)}</code>
            </small>
          )}
        </div>
      ))}
      <button type="button" onClick={() => update([...rows, { name: unusedName(), text: "" }])}>
        Add parameter
      </button>
    </div>
  );
}
