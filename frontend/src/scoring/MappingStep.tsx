/** Step 4: which table column feeds each model input, checked on the server. */
import type { MappingAnswer, TableColumn } from "../api/scoringHooks";

const STATUS_TEXT: Record<string, string> = {
  ok: "ok",
  converted: "converted",
  mismatch: "type mismatch",
  unmapped: "not mapped",
};

interface Props {
  answer: MappingAnswer;
  columns: TableColumn[];
  /** The columns chosen here, shown while the server checks them. */
  chosen: Record<string, string | null> | null;
  onChange: (input: string, column: string | null) => void;
}

export function MappingStep({ answer, columns, chosen, onChange }: Props) {
  return (
    <table className="data-table scoring-mapping" aria-label="Column mapping">
      <thead>
        <tr>
          <th>Model input</th>
          <th>Table column</th>
          <th>Check</th>
        </tr>
      </thead>
      <tbody>
        {answer.checks.map((check) => (
          <tr key={check.input} className={`mapping-${check.status}`} data-status={check.status}>
            <td>
              {check.input} <span className="muted">({check.input_kind})</span>
            </td>
            <td>
              <select
                aria-label={`Column for ${check.input}`}
                value={(chosen && check.input in chosen ? chosen[check.input] : check.column) ?? ""}
                onChange={(e) => onChange(check.input, e.target.value || null)}
              >
                <option value="">(none)</option>
                {columns.map((c) => (
                  <option key={c.name} value={c.name}>
                    {c.name} ({c.kind})
                  </option>
                ))}
              </select>
            </td>
            <td>
              {STATUS_TEXT[check.status]}
              {check.note && <div className="muted">{check.note}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
