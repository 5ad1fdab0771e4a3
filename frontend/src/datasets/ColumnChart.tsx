/** A small bar chart of a profile card. */
import type { EChartsOption } from "echarts";
import { LazyChart } from "../charts/LazyChart";

export function ColumnChart({ option, height = 140, title }: { option: EChartsOption; height?: number; title: string }) {
  return (
    <div role="img" aria-label={title}>
      <LazyChart option={option} height={height} />
    </div>
  );
}
