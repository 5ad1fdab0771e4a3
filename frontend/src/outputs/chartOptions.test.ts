import { describe, expect, it } from "vitest";
import { binaryReport, regressionReport } from "./reportFixtures";
import { predictedVsTrueOption, reportCharts, residualsOption, rocOption } from "./chartOptions";

describe("chart options", () => {
  it("plots ROC as (fpr, tpr) pairs", () => {
    const option = rocOption(binaryReport.report.charts.roc as Record<string, unknown>);
    const series = option.series as { data: number[][] }[];
    expect(series[0].data).toEqual([[0, 0], [0, 0.9], [0.1, 0.98], [1, 1]]);
  });

  it("puts residual counts at the bin centres", () => {
    const option = residualsOption(regressionReport.report.charts.residuals as Record<string, unknown>);
    expect((option.xAxis as { data: string[] }).data).toEqual(["-135", "-50.0", "50.0"]);
    expect((option.series as { data: number[] }[])[0].data).toEqual([1, 5, 2]);
  });

  it("plots predicted against true values with a diagonal", () => {
    const option = predictedVsTrueOption(regressionReport.report.charts.predicted_vs_true as Record<string, unknown>);
    const series = option.series as { data: number[][] }[];
    expect(series[0].data[1]).toEqual([69, 153.1]);
    expect(series[1].data).toEqual([[69, 69], [215.2, 215.2]]);
  });

  it("finds the charts present in a report", () => {
    expect(reportCharts(binaryReport.report.charts).map((c) => c.key)).toEqual(["roc", "precision_recall", "lift"]);
    expect(reportCharts(regressionReport.report.charts).map((c) => c.key)).toEqual(["residuals", "predicted_vs_true"]);
    expect(reportCharts({})).toEqual([]);
  });
});
