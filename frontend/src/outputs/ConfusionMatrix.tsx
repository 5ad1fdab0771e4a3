/** A confusion matrix `{labels, matrix}` as a shaded table (rows: actual, columns: predicted). */

export interface ConfusionMatrixData {
  labels: unknown[];
  matrix: number[][];
  threshold?: number;
}

export function isConfusionMatrix(value: unknown): value is ConfusionMatrixData {
  const v = value as ConfusionMatrixData | null;
  return typeof v === "object" && v !== null && Array.isArray(v.labels) && Array.isArray(v.matrix);
}

export function ConfusionMatrix({ data }: { data: ConfusionMatrixData }) {
  const max = Math.max(1, ...data.matrix.flat());
  return (
    <figure className="confusion-matrix" data-testid="confusion-matrix">
      <figcaption>
        Confusion matrix{data.threshold !== undefined ? ` (threshold ${data.threshold})` : ""}
      </figcaption>
      <table className="data-table">
        <thead>
          <tr>
            <th>actual \ predicted</th>
            {data.labels.map((l) => (
              <th key={String(l)}>{String(l)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.matrix.map((row, i) => (
            <tr key={i}>
              <th>{String(data.labels[i] ?? i)}</th>
              {row.map((count, j) => (
                <td key={j} style={{ background: `rgba(37, 99, 235, ${(0.08 + 0.6 * (count / max)).toFixed(2)})` }}>
                  {count}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
