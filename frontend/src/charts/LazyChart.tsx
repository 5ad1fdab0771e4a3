/** A chart whose drawing code (ECharts) loads the first time a chart is shown, so pages
 * without charts start without it. Drawn at once: curves gain nothing from animation. */
import { lazy, Suspense } from "react";
import type { EChartsOption } from "echarts";

const EChart = lazy(() => import("./EChart"));

export function LazyChart({ option, height }: { option: EChartsOption; height: number }) {
  return (
    <Suspense fallback={<div className="chart-loading muted" style={{ height }}>Loading chart…</div>}>
      <EChart option={{ animation: false, ...option }} height={height} />
    </Suspense>
  );
}
