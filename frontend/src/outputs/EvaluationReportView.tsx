/** An evaluation report: task, metrics, confusion matrix and charts. */
import type { EvaluationReport } from "../api/runHooks";
import { Chart } from "./Chart";
import { reportCharts } from "./chartOptions";
import { ConfusionMatrix, isConfusionMatrix } from "./ConfusionMatrix";
import { MetricsTable } from "./MetricsTable";

export function EvaluationReportView({ report }: { report: EvaluationReport }) {
  const charts = report.charts ?? {};
  const matrix = charts.confusion_matrix;
  return (
    <div className="evaluation-report" data-testid="evaluation-report">
      <p className="muted">Task: {report.task}</p>
      <MetricsTable metrics={report.metrics ?? {}} compared={report.compared?.metrics ?? null} />
      {isConfusionMatrix(matrix) && <ConfusionMatrix data={matrix} />}
      <div className="chart-grid">
        {reportCharts(charts).map((c) => (
          <Chart key={c.key} option={c.option} testId={`chart-${c.key}`} />
        ))}
      </div>
    </div>
  );
}
