/** ECharts options for the small per-column charts of the profile. */
import type { EChartsOption } from "echarts";
import type { Histogram, TopValue } from "../api/datasetHooks";
import { statText } from "./formatValue";

const BAR_COLOR = "#0b5cad";
const MAX_LABEL = 18;

function shortLabel(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** One label per bin: "lower–upper". */
export function binLabels(histogram: Histogram): string[] {
  return histogram.counts.map((_, i) => `${statText(histogram.edges[i])}–${statText(histogram.edges[i + 1])}`);
}

export function histogramOption(histogram: Histogram): EChartsOption {
  return {
    animation: false,
    grid: { left: 36, right: 8, top: 8, bottom: 24 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: binLabels(histogram), axisLabel: { show: false }, axisTick: { show: false } },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "bar", name: "rows", data: histogram.counts, barCategoryGap: "4%", itemStyle: { color: BAR_COLOR } }],
  };
}

export function topValuesOption(values: TopValue[]): EChartsOption {
  const shown = [...values].reverse(); // the most frequent value on top
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: "axis" },
    xAxis: { type: "value", minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: { type: "category", data: shown.map((v) => shortLabel(v.value)) },
    series: [{ type: "bar", name: "rows", data: shown.map((v) => v.count), itemStyle: { color: BAR_COLOR } }],
  };
}
