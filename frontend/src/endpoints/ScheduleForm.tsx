/** Creates a schedule on a pipeline endpoint: name, cron, experiment and parameter values. */
import { useState, type FormEvent } from "react";
import { useCreateSchedule, type PipelineEndpoint, type ScheduleRequest } from "../api/pipelineEndpointHooks";
import { errorMessage } from "../layout/QueryState";
import { ParameterFields, parameterAssignments, parameterTexts } from "./ParameterFields";

export const CRON_HINT =
  "Five fields: minute hour day-of-month month day-of-week. E.g. 0 6 * * 1 = Mondays at 06:00; */15 * * * * = every 15 minutes.";

export function ScheduleForm({ endpoint }: { endpoint: PipelineEndpoint }) {
  const create = useCreateSchedule(endpoint.name);
  const defaults = endpoint.versions.find((v) => v.version === endpoint.default_version)?.parameters ?? {};
  const [name, setName] = useState("");
  const [cron, setCron] = useState("0 6 * * *");
  const [experiment, setExperiment] = useState(endpoint.name);
  const [texts, setTexts] = useState(() => parameterTexts(defaults));
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    let body: ScheduleRequest;
    try {
      body = { name: name.trim(), cron: cron.trim(), parameter_assignments: parameterAssignments(texts, defaults) };
    } catch (err) {
      setFormError((err as Error).message);
      return;
    }
    if (experiment.trim()) body.experiment_name = experiment.trim();
    create.mutate(body, { onSuccess: () => setName("") });
  };

  return (
    <form className="stack-form" aria-label="Create schedule" onSubmit={onSubmit}>
      <label className="field">
        <span>Schedule name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>Cron</span>
        <input value={cron} onChange={(e) => setCron(e.target.value)} aria-describedby="cron-hint" />
      </label>
      <span id="cron-hint" className="param-help">{CRON_HINT}</span>
      <label className="field">
        <span>Schedule experiment</span>
        <input value={experiment} onChange={(e) => setExperiment(e.target.value)} />
      </label>
      <ParameterFields texts={texts} onChange={setTexts} />
      {formError && <p className="field-error" role="alert">{formError}</p>}
      {create.error != null && <p className="field-error" role="alert">{errorMessage(create.error)}</p>}
      <div>
        <button type="submit" className="primary" disabled={create.isPending || !name.trim() || !cron.trim()}>
          {create.isPending ? "Creating…" : "Create schedule"}
        </button>
      </div>
    </form>
  );
}
