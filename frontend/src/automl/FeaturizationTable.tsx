/** Featurization summary: per raw column, the detected type, whether it was dropped and what was done. */
import type { FeaturizationRow } from "../api/automlTypes";

export function FeaturizationTable({ rows }: { rows: FeaturizationRow[] }) {
  if (rows.length === 0) return <p className="muted">No featurization summary.</p>;
  return (
    <table className="data-table" aria-label="Featurization">
      <thead>
        <tr>
          <th>Column</th>
          <th>Detected type</th>
          <th>Dropped</th>
          <th>Engineered features</th>
          <th>Transformations</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.column}>
            <td>{r.column}</td>
            <td>{r.type_detected}</td>
            <td>{r.dropped ? "yes" : "no"}</td>
            <td>{r.engineered_features}</td>
            <td>{(r.transformations ?? []).join(" → ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
