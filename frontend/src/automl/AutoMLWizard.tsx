/** New AutoML job in four steps: dataset, target, task and metric, settings; Run opens the job. */
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useSubmitAutoMLJob } from "../api/automlHooks";
import type { AutoMLTask } from "../api/automlTypes";
import type { ColumnProfile, DatasetListItem } from "../api/datasetHooks";
import type { DatasetColumn } from "../api/types";
import { StepError } from "../datasets/StepError";
import { WizardStepper } from "../datasets/WizardStepper";
import { DatasetStep } from "./DatasetStep";
import { SettingsStep } from "./SettingsStep";
import { suggestTask } from "./taskSuggestion";
import { TargetStep } from "./TargetStep";
import { TaskStep } from "./TaskStep";
import { EMPTY_FORM, firstProblem, jobRequest, stepProblem, TASK_METRICS, WIZARD_STEPS, type WizardForm } from "./wizardForm";
import "../datasets/datasets.css";
import "../runs/runs.css";
import "./automl.css";

const LAST = WIZARD_STEPS.length - 1;

export function AutoMLWizard() {
  const navigate = useNavigate();
  const submit = useSubmitAutoMLJob();
  const [form, setForm] = useState<WizardForm>(EMPTY_FORM);
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [suggested, setSuggested] = useState<AutoMLTask | null>(null);

  const change = (changes: Partial<WizardForm>) => {
    setForm((current) => ({ ...current, ...changes }));
    setProblem(null);
  };
  const chooseDataset = (d: DatasetListItem) => {
    if (d.name === form.dataset) return;
    change({ dataset: d.name, datasetVersion: d.latest_version, target: "", task: "", metric: "" });
    setSuggested(null);
  };
  const chooseTarget = (column: DatasetColumn, profile: ColumnProfile | undefined) => {
    const task = suggestTask(column, profile);
    setSuggested(task);
    change({ target: column.name, task, metric: TASK_METRICS[task].includes(form.metric) ? form.metric : "" });
  };
  const chooseTask = (task: AutoMLTask) =>
    change({ task, metric: TASK_METRICS[task].includes(form.metric) ? form.metric : "" });

  const next = () => {
    const found = stepProblem(step, form);
    setProblem(found);
    if (!found) setStep(step + 1);
  };
  const run = () => {
    const found = firstProblem(form);
    if (found) {
      setStep(found.step);
      setProblem(found.problem);
      return;
    }
    submit.mutate(jobRequest(form), { onSuccess: (job) => navigate(`/automl/jobs/${encodeURIComponent(job.id)}`) });
  };
  const back = () => {
    setProblem(null);
    setStep(step - 1);
  };

  return (
    <section className="upload-wizard automl-wizard" aria-label="New AutoML job">
      <WizardStepper steps={WIZARD_STEPS} current={step} />
      {step === 0 && <DatasetStep chosen={form.dataset} onChoose={chooseDataset} />}
      {step === 1 && (
        <TargetStep dataset={form.dataset} version={form.datasetVersion} chosen={form.target} onChoose={chooseTarget} />
      )}
      {step === 2 && (
        <TaskStep
          task={form.task}
          metric={form.metric}
          suggested={suggested}
          onTask={chooseTask}
          onMetric={(metric) => change({ metric })}
        />
      )}
      {step === 3 && <SettingsStep form={form} onChange={change} />}
      {problem && (
        <p className="field-error step-error" role="alert" data-testid="wizard-problem">
          {problem}
        </p>
      )}
      {step === LAST && <StepError error={submit.error} />}
      <div className="wizard-buttons">
        <button type="button" onClick={() => navigate("/automl")}>
          Cancel
        </button>
        {step > 0 && (
          <button type="button" onClick={back} disabled={submit.isPending}>
            Back
          </button>
        )}
        {step < LAST ? (
          <button type="button" className="primary" data-testid="automl-next" onClick={next}>
            Next
          </button>
        ) : (
          <button type="button" className="primary" data-testid="automl-run" onClick={run} disabled={submit.isPending}>
            {submit.isPending ? "Submitting…" : "Run"}
          </button>
        )}
      </div>
    </section>
  );
}
