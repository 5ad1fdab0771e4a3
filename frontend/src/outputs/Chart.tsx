/** One ECharts chart (only the chart kinds and components the reports use are bundled). */
import ReactEChartsCore from "echarts-for-react/lib/core";
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { EChartsOption } from "echarts";

echarts.use([LineChart, BarChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/** Drawn at once: curves of a few hundred points gain nothing from animation. */
export function Chart({ option, testId }: { option: EChartsOption; testId?: string }) {
  return (
    <div className="chart" data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={{ animation: false, ...option }} style={{ height: 280, width: "100%" }} notMerge />
    </div>
  );
}
