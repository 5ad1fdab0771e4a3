/** One real-time endpoint: Details, Test, Consume, Monitoring and Logs; Delete. */
import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { useDeleteEndpoint, useEndpoint } from "../api/endpointHooks";
import { Tabs } from "../datasets/Tabs";
import { ConsumeTab } from "../endpoints/ConsumeTab";
import { DetailsTab } from "../endpoints/DetailsTab";
import { LogsTab } from "../endpoints/LogsTab";
import { MonitoringTab } from "../endpoints/MonitoringTab";
import { TestTab } from "../endpoints/TestTab";
import { errorMessage, QueryState } from "../layout/QueryState";
import "../datasets/datasets.css";
import "../endpoints/endpoints.css";
import "../runs/runs.css";

const TABS = ["Details", "Test", "Consume", "Monitoring", "Logs"] as const;
type Tab = (typeof TABS)[number];

function DeleteEndpointButton({ name }: { name: string }) {
  const remove = useDeleteEndpoint();
  const navigate = useNavigate();
  const onDelete = () => {
    if (!window.confirm(`Delete endpoint "${name}"? Clients calling it will get 404.`)) return;
    remove.mutate(name, { onSuccess: () => navigate("/endpoints") });
  };
  return (
    <>
      <button type="button" className="danger" onClick={onDelete} disabled={remove.isPending}>
        Delete endpoint
      </button>
      {remove.error != null && <span className="field-error" role="alert">{errorMessage(remove.error)}</span>}
    </>
  );
}

export function EndpointPage() {
  const { name = "" } = useParams();
  const endpoint = useEndpoint(name);
  const [tab, setTab] = useState<Tab>("Details");
  const data = endpoint.data;
  return (
    <div className="page">
      <div className="page-header">
        <h1>Endpoint {name}</h1>
        {data && <span className="status-badge" data-testid="endpoint-status">{data.status}</span>}
        {data && <DeleteEndpointButton name={name} />}
      </div>
      <QueryState isLoading={endpoint.isLoading} error={endpoint.error}>
        {data && (
          <>
            <Tabs tabs={[...TABS]} selected={tab} onSelect={setTab} />
            <div role="tabpanel" aria-label={tab}>
              {tab === "Details" && <DetailsTab endpoint={data} />}
              {tab === "Test" && <TestTab endpoint={data} />}
              {tab === "Consume" && <ConsumeTab endpoint={data} />}
              {tab === "Monitoring" && <MonitoringTab name={name} />}
              {tab === "Logs" && <LogsTab name={name} />}
            </div>
          </>
        )}
      </QueryState>
    </div>
  );
}
