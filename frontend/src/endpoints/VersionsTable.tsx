/** A pipeline endpoint's versions, the default marked, any other settable as default. */
import { Link } from "react-router-dom";
import { useSetDefaultVersion, type PipelineEndpoint } from "../api/pipelineEndpointHooks";
import { errorMessage } from "../layout/QueryState";

export function VersionsTable({ endpoint }: { endpoint: PipelineEndpoint }) {
  const setDefault = useSetDefaultVersion(endpoint.name);
  return (
    <>
      <table className="data-table" aria-label="Versions">
        <thead>
          <tr>
            <th>Version</th>
            <th>Pipeline</th>
            <th>Created</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {[...endpoint.versions].sort((a, b) => b.version - a.version).map((v) => (
            <tr key={v.version}>
              <td>
                {v.version}
                {v.version === endpoint.default_version && <span className="default-marker">default</span>}
              </td>
              <td>
                <Link to={`/pipelines/${encodeURIComponent(v.pipeline)}`}>{v.pipeline}</Link>
              </td>
              <td>{new Date(v.created_at).toLocaleString()}</td>
              <td>
                {v.version !== endpoint.default_version && (
                  <button
                    type="button"
                    aria-label={`Set version ${v.version} as default`}
                    disabled={setDefault.isPending}
                    onClick={() => setDefault.mutate(v.version)}
                  >
                    Set default
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {setDefault.error != null && <p className="field-error" role="alert">{errorMessage(setDefault.error)}</p>}
    </>
  );
}
