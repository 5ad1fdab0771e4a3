/** Metric names and values as they come from the report; optional comparison column. */

function formatMetric(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(4);
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export interface MetricsTableProps {
  metrics: Record<string, unknown>;
  compared?: Record<string, unknown> | null;
  /** Test ids are `<prefix>-<metric name>`. */
  testIdPrefix?: string;
}

export function MetricsTable({ metrics, compared, testIdPrefix = "metric" }: MetricsTableProps) {
  const names = [...new Set([...Object.keys(metrics), ...Object.keys(compared ?? {})])];
  return (
    <table className="data-table metrics-table">
      <thead>
        <tr>
          <th>Metric</th>
          <th>Value</th>
          {compared && <th>Compared</th>}
        </tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={name}>
            <td>{name}</td>
            <td data-testid={`${testIdPrefix}-${name}`} data-value={String(metrics[name] ?? "")} title={String(metrics[name] ?? "")}>{formatMetric(metrics[name])}</td>
            {compared && <td data-testid={`compared-metric-${name}`}>{formatMetric(compared[name])}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
