/** One column of a profile: type and role, statistics, histogram or most frequent values. */
import { Fragment } from "react";
import type { ColumnProfile } from "../api/datasetHooks";
import { histogramOption, topValuesOption } from "./chartOptions";
import { ColumnChart } from "./ColumnChart";
import { countText, statText } from "./formatValue";

const STATS: { key: "min" | "max" | "mean" | "std"; label: string }[] = [
  { key: "min", label: "Min" },
  { key: "max", label: "Max" },
  { key: "mean", label: "Mean" },
  { key: "std", label: "Std" },
];

function Chart({ column }: { column: ColumnProfile }) {
  if (column.histogram && column.histogram.counts.length > 0) {
    return <ColumnChart option={histogramOption(column.histogram)} title={`Histogram of ${column.name}`} />;
  }
  const top = column.top_values ?? [];
  if (top.length > 1 && top.every((v) => v.count === 1)) {
    return <p className="muted">No value repeats.</p>;
  }
  if (top.length > 0) {
    const height = Math.min(220, 40 + top.length * 18);
    return <ColumnChart option={topValuesOption(top)} height={height} title={`Most frequent values of ${column.name}`} />;
  }
  return null;
}

export function ColumnProfileCard({ column, rowCount }: { column: ColumnProfile; rowCount: number }) {
  const missingShare = rowCount > 0 && column.missing > 0 ? ` (${((100 * column.missing) / rowCount).toFixed(1)}%)` : "";
  return (
    <article className="profile-card" aria-label={`Column ${column.name}`} data-testid="profile-card">
      <h3>{column.name}</h3>
      <div className="column-meta">
        {column.type} · {column.role}
        {column.categorical ? " · categorical" : ""}
      </div>
      <dl className="profile-stats">
        <dt>Missing</dt>
        <dd>
          {countText(column.missing)}
          {missingShare}
        </dd>
        <dt>Distinct</dt>
        <dd>{countText(column.distinct)}</dd>
        {STATS.filter((s) => column[s.key] !== undefined).map((s) => (
          <Fragment key={s.key}>
            <dt>{s.label}</dt>
            <dd>{statText(column[s.key])}</dd>
          </Fragment>
        ))}
      </dl>
      <Chart column={column} />
    </article>
  );
}
