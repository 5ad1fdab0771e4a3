/** Wizard step 3: classification or regression (suggested from the target), and the primary metric. */
import type { AutoMLTask } from "../api/automlTypes";
import { TASK_METRICS } from "./wizardForm";

const TASKS: AutoMLTask[] = ["classification", "regression"];
const DEFAULT_METRIC: Record<AutoMLTask, string> = {
  classification: "auc for two classes, log_loss for more",
  regression: "r2",
};

export interface TaskStepProps {
  task: AutoMLTask | "";
  metric: string;
  suggested: AutoMLTask | null;
  onTask: (task: AutoMLTask) => void;
  onMetric: (metric: string) => void;
}

export function TaskStep({ task, metric, suggested, onTask, onMetric }: TaskStepProps) {
  return (
    <fieldset className="wizard-step" aria-label="Task and metric">
      <legend>Task and primary metric</legend>
      <div className="form-row" role="radiogroup" aria-label="Task">
        {TASKS.map((t) => (
          <label key={t} className="checkbox-label">
            <input type="radio" name="automl-task" checked={task === t} onChange={() => onTask(t)} />
            {t}
            {suggested === t && <span className="role-badge">suggested</span>}
          </label>
        ))}
      </div>
      {task && (
        <label className="field">
          <span>Primary metric</span>
          <select value={metric} onChange={(e) => onMetric(e.target.value)}>
            <option value="">Default ({DEFAULT_METRIC[task]})</option>
            {TASK_METRICS[task].map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
