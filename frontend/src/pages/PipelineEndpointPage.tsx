/** One pipeline endpoint: versions, a Submit form, the runs it started and its schedules. */
import { useNavigate, useParams } from "react-router-dom";
import { useDeletePipelineEndpoint, usePipelineEndpoint, useSchedules } from "../api/pipelineEndpointHooks";
import { EndpointRunsTable } from "../endpoints/EndpointRunsTable";
import { ScheduleForm } from "../endpoints/ScheduleForm";
import { SchedulesTable } from "../endpoints/SchedulesTable";
import { SubmitEndpointForm } from "../endpoints/SubmitEndpointForm";
import { VersionsTable } from "../endpoints/VersionsTable";
import { errorMessage, QueryState } from "../layout/QueryState";
import "../datasets/datasets.css";
import "../endpoints/endpoints.css";

export function PipelineEndpointPage() {
  const { name = "" } = useParams();
  const endpoint = usePipelineEndpoint(name);
  const schedules = useSchedules();
  const remove = useDeletePipelineEndpoint();
  const navigate = useNavigate();
  const data = endpoint.data;
  const onDelete = () => {
    if (window.confirm(`Delete pipeline endpoint "${name}" with its versions and schedules? Its runs are kept.`)) {
      remove.mutate(name, { onSuccess: () => navigate("/endpoints") });
    }
  };
  return (
    <div className="page">
      <div className="page-header">
        <h1>Pipeline endpoint {name}</h1>
        {data && (
          <button type="button" className="danger" onClick={onDelete} disabled={remove.isPending}>
            Delete endpoint
          </button>
        )}
        {remove.error != null && <span className="field-error" role="alert">{errorMessage(remove.error)}</span>}
      </div>
      <QueryState isLoading={endpoint.isLoading} error={endpoint.error}>
        {data && (
          <>
            {data.description && <p>{data.description}</p>}
            <p className="muted">
              REST: <code>POST {data.submit_uri}</code> with {'{"ExperimentName", "ParameterAssignments"}'}
            </p>
            <section className="section">
              <h2>Versions</h2>
              <VersionsTable endpoint={data} />
            </section>
            <section className="section">
              <h2>Submit</h2>
              <SubmitEndpointForm key={data.default_version} endpoint={data} />
            </section>
            <section className="section">
              <h2>Runs triggered</h2>
              <EndpointRunsTable name={name} />
            </section>
            <section className="section">
              <h2>Schedules</h2>
              <QueryState isLoading={schedules.isLoading} error={schedules.error}>
                <SchedulesTable schedules={(schedules.data ?? []).filter((s) => s.endpoint === name)} showEndpoint={false} />
              </QueryState>
              <h3>New schedule</h3>
              <ScheduleForm key={data.default_version} endpoint={data} />
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}
