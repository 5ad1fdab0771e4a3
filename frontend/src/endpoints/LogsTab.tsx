/** Logs tab: the endpoint's last log lines, read again on Refresh. */
import { useEndpointLogs } from "../api/endpointHooks";
import { QueryState } from "../layout/QueryState";

export function LogsTab({ name }: { name: string }) {
  const logs = useEndpointLogs(name, 200);
  return (
    <div>
      <div className="page-actions">
        <button type="button" onClick={() => void logs.refetch()} disabled={logs.isFetching}>
          Refresh
        </button>
        <span className="muted">Last 200 lines</span>
      </div>
      <QueryState isLoading={logs.isLoading} error={logs.error}>
        <pre className="log-text" data-testid="endpoint-logs">
          {(logs.data ?? []).join("\n") || "No log lines yet."}
        </pre>
      </QueryState>
    </div>
  );
}
