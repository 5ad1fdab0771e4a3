/** Monitoring tab: request count, errors, latency percentiles and a per-minute chart,
 * refreshed every few seconds. */
import type { EChartsOption } from "echarts";
import { useEndpointMetrics, type EndpointMetrics } from "../api/endpointHooks";
import { LazyChart } from "../charts/LazyChart";
import { QueryState } from "../layout/QueryState";

export const METRICS_REFRESH_MS = 5000;

const ms = (value: number | null | undefined) => (value === null || value === undefined ? "–" : `${value.toFixed(2)} ms`);

export function perMinuteOption(metrics: EndpointMetrics): EChartsOption {
  const minutes = metrics.per_minute.map((m) => new Date(m.minute).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 32, bottom: 28 },
    xAxis: { type: "category", data: minutes },
    yAxis: [
      { type: "value", name: "requests", minInterval: 1 },
      { type: "value", name: "p50 ms" },
    ],
    series: [
      { name: "Requests", type: "bar", data: metrics.per_minute.map((m) => m.requests) },
      { name: "Errors", type: "bar", data: metrics.per_minute.map((m) => m.errors), itemStyle: { color: "#dc2626" } },
      { name: "p50 latency", type: "line", yAxisIndex: 1, data: metrics.per_minute.map((m) => m.p50_ms) },
    ],
  };
}

export function MonitoringTab({ name }: { name: string }) {
  const metrics = useEndpointMetrics(name, METRICS_REFRESH_MS);
  const data = metrics.data;
  return (
    <QueryState isLoading={metrics.isLoading} error={metrics.error}>
      {data && (
        <>
          <dl className="review-list" data-testid="endpoint-metrics">
            <dt>Requests</dt>
            <dd>{data.requests}</dd>
            <dt>Errors</dt>
            <dd>{data.errors}</dd>
            <dt>Latency p50</dt>
            <dd>{ms(data.latency_ms?.p50)}</dd>
            <dt>Latency p90</dt>
            <dd>{ms(data.latency_ms?.p90)}</dd>
            <dt>Latency p99</dt>
            <dd>{ms(data.latency_ms?.p99)}</dd>
          </dl>
          <p className="muted">Refreshed every {METRICS_REFRESH_MS / 1000} s.</p>
          {data.per_minute.length > 0 ? (
            <div className="chart">
              <LazyChart option={perMinuteOption(data)} height={240} />
            </div>
          ) : (
            <p className="muted">No requests yet.</p>
          )}
        </>
      )}
    </QueryState>
  );
}
