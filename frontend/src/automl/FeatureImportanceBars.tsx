/** Feature importance of the best model as horizontal bars, largest first. */
import type { FeatureImportance } from "../api/automlTypes";
import { formatMetric } from "./leaderboard";

const SHOWN = 30;

/** The column an importance row is about. */
export const importanceColumn = (f: FeatureImportance): string => f.feature ?? f.column ?? "";

export function FeatureImportanceBars({ importance }: { importance: FeatureImportance[] }) {
  if (importance.length === 0) return <p className="muted">No feature importance was computed.</p>;
  const sorted = [...importance].sort((a, b) => b.importance - a.importance).slice(0, SHOWN);
  const max = Math.max(...sorted.map((f) => Math.abs(f.importance)), Number.MIN_VALUE);
  return (
    <table className="data-table" aria-label="Feature importance">
      <tbody>
        {sorted.map((f) => (
          <tr key={importanceColumn(f)} data-testid={`importance-${importanceColumn(f)}`}>
            <th scope="row">{importanceColumn(f)}</th>
            <td className="importance-cell">
              <div className="importance-bar" style={{ width: `${(100 * Math.max(0, f.importance)) / max}%` }} />
            </td>
            <td>{formatMetric(f.importance)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
