/** Endpoints: real-time and pipeline endpoints (tabs), and every schedule. */
import { useState } from "react";
import { useEndpoints } from "../api/endpointHooks";
import { usePipelineEndpoints, useSchedules } from "../api/pipelineEndpointHooks";
import { Tabs } from "../datasets/Tabs";
import { PipelineEndpointsTable, RealtimeEndpointsTable } from "../endpoints/EndpointTables";
import { SchedulesTable } from "../endpoints/SchedulesTable";
import { QueryState } from "../layout/QueryState";
import "../datasets/datasets.css";
import "../endpoints/endpoints.css";

const TABS = ["Real-time endpoints", "Pipeline endpoints"] as const;
type Tab = (typeof TABS)[number];

export function EndpointsPage() {
  const [tab, setTab] = useState<Tab>("Real-time endpoints");
  const realtime = useEndpoints();
  const pipelines = usePipelineEndpoints();
  const schedules = useSchedules();
  return (
    <div className="page">
      <h1>Endpoints</h1>
      <Tabs tabs={[...TABS]} selected={tab} onSelect={setTab} />
      <div role="tabpanel" aria-label={tab}>
        {tab === "Real-time endpoints" ? (
          <QueryState isLoading={realtime.isLoading} error={realtime.error}>
            <RealtimeEndpointsTable endpoints={realtime.data ?? []} />
          </QueryState>
        ) : (
          <QueryState isLoading={pipelines.isLoading} error={pipelines.error}>
            <PipelineEndpointsTable endpoints={pipelines.data ?? []} />
          </QueryState>
        )}
      </div>
      <section className="section">
        <h2>Schedules</h2>
        <QueryState isLoading={schedules.isLoading} error={schedules.error}>
          <SchedulesTable schedules={schedules.data ?? []} />
        </QueryState>
      </section>
    </div>
  );
}
