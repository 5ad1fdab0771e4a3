/** The best model: its family, validation metric, confusion matrix and charts. */
import type { AutoMLResultSummary } from "../api/automlTypes";
import { Chart } from "../outputs/Chart";
import { ConfusionMatrix, isConfusionMatrix } from "../outputs/ConfusionMatrix";
import { automlCharts } from "./automlCharts";
import { formatMetric } from "./leaderboard";

export function BestModelSection({ result }: { result: AutoMLResultSummary }) {
  const charts = result.charts ?? {};
  const matrix = charts.confusion_matrix;
  return (
    <section className="job-section" aria-label="Best model">
      <h2>Best model</h2>
      <p>
        <span data-testid="best-estimator">{result.best_estimator}</span> — {result.metric}{" "}
        <span className="best-metric" data-testid="best-metric">
          {formatMetric(result.best_metric)}
        </span>{" "}
        <span className="muted">(validation)</span>
      </p>
      {isConfusionMatrix(matrix) && <ConfusionMatrix data={matrix} />}
      <div className="chart-grid">
        {automlCharts(charts).map((c) => (
          <Chart key={c.key} option={c.option} testId={`chart-${c.key}`} />
        ))}
      </div>
    </section>
  );
}
