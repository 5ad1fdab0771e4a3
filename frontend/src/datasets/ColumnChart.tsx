/** A small bar chart of a profile card. */
import ReactECharts from "echarts-for-react";
import type { EChartsOption } from "echarts";

export function ColumnChart({ option, height = 140, title }: { option: EChartsOption; height?: number; title: string }) {
  return (
    <div role="img" aria-label={title}>
      <ReactECharts option={option} style={{ height, width: "100%" }} notMerge lazyUpdate />
    </div>
  );
}
