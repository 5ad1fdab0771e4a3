/** ECharts options for the charts of an evaluation report (pure, no rendering). */
import type { EChartsOption } from "echarts";

type Series = number[];

function numbers(value: unknown): Series {
  return Array.isArray(value) ? value.map((v) => (typeof v === "number" ? v : Number(v))) : [];
}

function pairs(xs: Series, ys: Series): [number, number][] {
  return xs.slice(0, ys.length).map((x, i) => [x, ys[i]]);
}

function xyChart(title: string, xName: string, yName: string, series: EChartsOption["series"], square = false): EChartsOption {
  const axis = { type: "value" as const, nameLocation: "middle" as const, nameGap: 28, ...(square ? { min: 0, max: 1 } : {}) };
  return {
    title: { text: title, left: "center", textStyle: { fontSize: 13 } },
    tooltip: { trigger: "axis" },
    grid: { left: 56, right: 16, top: 36, bottom: 44 },
    xAxis: { ...axis, name: xName },
    yAxis: { ...axis, name: yName, nameGap: 40 },
    series,
  };
}

const diagonal = (from: number, to: number) => ({
  type: "line" as const,
  name: "reference",
  data: [[from, from], [to, to]],
  symbol: "none",
  lineStyle: { type: "dashed" as const, color: "#999" },
});

export function rocOption(roc: Record<string, unknown>): EChartsOption {
  const data = pairs(numbers(roc.fpr), numbers(roc.tpr));
  return xyChart("ROC curve", "False positive rate", "True positive rate", [
    { type: "line", name: "ROC", data, symbol: "none" },
    diagonal(0, 1),
  ], true);
}

export function precisionRecallOption(pr: Record<string, unknown>): EChartsOption {
  const data = pairs(numbers(pr.recall), numbers(pr.precision));
  return xyChart("Precision / recall", "Recall", "Precision", [{ type: "line", name: "precision", data, symbol: "none" }], true);
}

export function liftOption(lift: Record<string, unknown>): EChartsOption {
  const x = numbers(lift.fraction_of_population);
  return {
    ...xyChart("Cumulative gain and lift", "Fraction of population", "Cumulative gain", [
      { type: "line", name: "cumulative gain", data: pairs(x, numbers(lift.cumulative_gain)), symbol: "none" },
      { type: "line", name: "lift", yAxisIndex: 1, data: pairs(x, numbers(lift.lift)), symbol: "none" },
    ]),
    yAxis: [
      { type: "value", name: "Cumulative gain", min: 0, max: 1 },
      { type: "value", name: "Lift" },
    ],
    legend: { bottom: 0 },
    grid: { left: 56, right: 48, top: 36, bottom: 56 },
  };
}

export function residualsOption(residuals: Record<string, unknown>): EChartsOption {
  const edges = numbers(residuals.bin_edges);
  const counts = numbers(residuals.counts);
  const centers = counts.map((_, i) => ((edges[i] ?? 0) + (edges[i + 1] ?? edges[i] ?? 0)) / 2);
  return {
    title: { text: "Residuals", left: "center", textStyle: { fontSize: 13 } },
    tooltip: { trigger: "axis" },
    grid: { left: 56, right: 16, top: 36, bottom: 44 },
    xAxis: { type: "category", name: "Residual", nameLocation: "middle", nameGap: 28, data: centers.map((c) => c.toPrecision(3)) },
    yAxis: { type: "value", name: "Count" },
    series: [{ type: "bar", name: "count", data: counts }],
  };
}

export function predictedVsTrueOption(pvt: Record<string, unknown>): EChartsOption {
  const truth = numbers(pvt.true);
  const predicted = numbers(pvt.predicted);
  const all = [...truth, ...predicted];
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  return {
    ...xyChart("Predicted vs true", "True", "Predicted", [
      { type: "scatter", name: "rows", data: pairs(truth, predicted), symbolSize: 5 },
      diagonal(lo, hi),
    ]),
    tooltip: { trigger: "item" },
  };
}

export interface ChartSpec {
  key: string;
  option: EChartsOption;
}

/** The line/bar/scatter charts found in a report's `charts`, in a fixed order. */
export function reportCharts(charts: Record<string, unknown>): ChartSpec[] {
  const builders: [string, (value: Record<string, unknown>) => EChartsOption][] = [
    ["roc", rocOption],
    ["precision_recall", precisionRecallOption],
    ["lift", liftOption],
    ["residuals", residualsOption],
    ["predicted_vs_true", predictedVsTrueOption],
  ];
  return builders
    .filter(([key]) => typeof charts[key] === "object" && charts[key] !== null)
    .map(([key, build]) => ({ key, option: build(charts[key] as Record<string, unknown>) }));
}
