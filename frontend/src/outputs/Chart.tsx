/** One chart of an evaluation report. */
import type { EChartsOption } from "echarts";
import { LazyChart } from "../charts/LazyChart";

export function Chart({ option, testId }: { option: EChartsOption; testId?: string }) {
  return (
    <div className="chart" data-testid={testId}>
      <LazyChart option={option} height={280} />
    </div>
  );
}
