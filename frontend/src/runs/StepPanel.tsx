/** Side panel for one step of a run: status, reason, error, buttons for outputs and log. */
import type { RunStep } from "../api/runHooks";
import { RunStatusBadge } from "./RunStatusBadge";
import { formatSeconds } from "./statusStyle";
import { stepMenuItems } from "./stepMenu";
import type { StepActions } from "./useStepActions";
import { errorText } from "../api/runHooks";

export function StepPanel({ nodeId, step, actions }: { nodeId: string; step: RunStep | undefined; actions: StepActions }) {
  if (!step) {
    return (
      <aside className="step-panel">
        <h3>{nodeId}</h3>
        <p className="muted">No step yet.</p>
      </aside>
    );
  }
  const items = stepMenuItems(step, []).filter((i) => i.kind !== "regenerate");
  return (
    <aside className="step-panel" data-testid={`step-panel-${nodeId}`}>
      <h3>{nodeId}</h3>
      <p>
        <RunStatusBadge status={step.status} /> {formatSeconds(step.seconds)}
      </p>
      {step.component_id && <p className="muted">{step.component_id}</p>}
      {step.reason && <p className="step-reason">{step.reason}</p>}
      {step.error && <p className="field-error">{errorText(step.error)}</p>}
      <div className="step-panel-actions">
        {items.map((item) => (
          <button key={item.kind === "output" ? item.port : item.kind} type="button" onClick={() => actions.select(nodeId, item)}>
            {item.kind === "output" ? `Output: ${item.port}` : item.label}
          </button>
        ))}
      </div>
    </aside>
  );
}
