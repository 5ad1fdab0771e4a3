/** ECharts options for an AutoML job's best-model charts: the evaluation report's charts plus
 * calibration and the per-class ROC curves of multiclass jobs (pure, no rendering). */
import type { EChartsOption } from "echarts";
import { reportCharts, type ChartSpec } from "../outputs/chartOptions";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const numbers = (value: unknown): number[] => (Array.isArray(value) ? value.map(Number) : []);
const pairs = (xs: number[], ys: number[]): [number, number][] => xs.slice(0, ys.length).map((x, i) => [x, ys[i]]);

const reference = {
  type: "line" as const,
  name: "reference",
  data: [[0, 0], [1, 1]],
  symbol: "none",
  lineStyle: { type: "dashed" as const, color: "#999" },
};

function unitSquare(title: string, xName: string, yName: string, series: EChartsOption["series"]): EChartsOption {
  const axis = { type: "value" as const, min: 0, max: 1, nameLocation: "middle" as const, nameGap: 28 };
  return {
    title: { text: title, left: "center", textStyle: { fontSize: 13 } },
    tooltip: { trigger: "item" },
    legend: { bottom: 0 },
    grid: { left: 56, right: 16, top: 36, bottom: 56 },
    xAxis: { ...axis, name: xName },
    yAxis: { ...axis, name: yName, nameGap: 40 },
    series,
  };
}

/** Reliability diagram: mean predicted probability against the observed positive rate. */
export function calibrationOption(calibration: Json): EChartsOption {
  const data = pairs(numbers(calibration.mean_predicted), numbers(calibration.fraction_positive));
  return unitSquare("Calibration", "Mean predicted probability", "Fraction of positives", [
    { type: "line", name: "model", data, symbolSize: 6 },
    reference,
  ]);
}

interface ClassCurve {
  class: unknown;
  fpr: unknown;
  tpr: unknown;
  auc?: number | null;
}

function isPerClass(roc: unknown): roc is { per_class: ClassCurve[] } {
  return isObject(roc) && Array.isArray(roc.per_class);
}

/** One-versus-rest ROC curve of every class. */
export function perClassRocOption(curves: ClassCurve[]): EChartsOption {
  const series = curves.map((c) => ({
    type: "line" as const,
    name: typeof c.auc === "number" ? `${String(c.class)} (AUC ${c.auc.toFixed(3)})` : String(c.class),
    data: pairs(numbers(c.fpr), numbers(c.tpr)),
    symbol: "none",
  }));
  return unitSquare("ROC curves (one vs rest)", "False positive rate", "True positive rate", [...series, reference]);
}

/** The charts of a job result in a fixed order: ROC, precision-recall, lift, residuals,
 * predicted vs true, calibration (the confusion matrix is a table, not listed here). */
export function automlCharts(charts: Json): ChartSpec[] {
  const perClass = isPerClass(charts.roc) ? charts.roc.per_class : null;
  const specs = reportCharts(perClass ? { ...charts, roc: null } : charts);
  if (perClass) specs.unshift({ key: "roc", option: perClassRocOption(perClass) });
  if (isObject(charts.calibration)) specs.push({ key: "calibration", option: calibrationOption(charts.calibration) });
  return specs;
}
