/** A run's headline metrics on one line. */

export function MetricsSummary({ metrics, limit = 3 }: { metrics: Record<string, unknown> | null | undefined; limit?: number }) {
  const entries = Object.entries(metrics ?? {}).filter(([, v]) => typeof v === "number") as [string, number][];
  if (entries.length === 0) return null;
  return (
    <span className="metrics-summary" title={entries.map(([k, v]) => `${k}: ${v}`).join("\n")}>
      {entries
        .slice(0, limit)
        .map(([k, v]) => `${k} ${v.toFixed(3)}`)
        .join(", ")}
      {entries.length > limit ? ", …" : ""}
    </span>
  );
}
