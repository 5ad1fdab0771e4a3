/** "Create inference pipeline ▾" with Real-time and Batch: derives the pipeline from the run
 * shown, then opens it in the designer; steps that cannot be carried are listed and handed
 * to the canvas to mark. */
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { derivationProblems, useCreateInferencePipeline, type DerivationProblem, type InferenceKind } from "../api/inferenceHooks";
import type { RunRecord } from "../api/runHooks";
import { errorMessage } from "../layout/QueryState";
import { inferenceNoticeState } from "./InferenceNotice";
import { whyNotDerivable } from "./trainedRun";
import "./inference.css";

const KINDS: { kind: InferenceKind; label: string }[] = [
  { kind: "realtime", label: "Real-time" },
  { kind: "batch", label: "Batch" },
];

export interface CreateInferenceButtonProps {
  run: RunRecord | null | undefined;
  /** Told the steps that cannot be carried (empty once a derivation starts again). */
  onProblems?: (problems: DerivationProblem[]) => void;
  /** Called before opening the new pipeline (e.g. to let the page leave). */
  beforeNavigate?: () => void;
}

export function CreateInferenceButton({ run, onProblems, beforeNavigate }: CreateInferenceButtonProps) {
  const [open, setOpen] = useState(false);
  const create = useCreateInferencePipeline();
  const navigate = useNavigate();
  const disabledReason = whyNotDerivable(run);
  const problems = derivationProblems(create.error);

  const derive = (kind: InferenceKind) => {
    setOpen(false);
    if (!run) return;
    onProblems?.([]);
    create.mutate(
      { runId: run.run_id, kind },
      {
        onSuccess: (derived) => {
          beforeNavigate?.();
          const id = derived.pipeline.id ?? derived.pipeline.document.name;
          navigate(`/pipelines/${encodeURIComponent(id)}`, { state: inferenceNoticeState(derived) });
        },
        onError: (err) => onProblems?.(derivationProblems(err)),
      },
    );
  };

  return (
    <span className="menu-anchor">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={Boolean(disabledReason) || create.isPending}
        title={disabledReason ?? "Make a pipeline that scores new data with this run's trained model"}
        onClick={() => setOpen(!open)}
      >
        {create.isPending ? "Creating…" : "Create inference pipeline ▾"}
      </button>
      {open && (
        <>
          <div className="context-menu-backdrop" onClick={() => setOpen(false)} />
          <ul className="dropdown-menu" role="menu" aria-label="Inference pipeline kind">
            {KINDS.map(({ kind, label }) => (
              <li key={kind} role="none">
                <button type="button" role="menuitem" onClick={() => derive(kind)}>
                  {label}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {create.error != null && (
        <div className="derive-problems" role="alert" data-testid="derive-problems">
          <div className="derive-problems-header">
            <strong>{errorMessage(create.error)}</strong>
            <button type="button" aria-label="Dismiss" onClick={() => { create.reset(); onProblems?.([]); }}>
              ×
            </button>
          </div>
          {problems.length > 0 && <ProblemTable problems={problems} />}
        </div>
      )}
    </span>
  );
}

function ProblemTable({ problems }: { problems: DerivationProblem[] }) {
  return (
    <table className="data-table" aria-label="Steps that cannot be carried into inference">
      <thead>
        <tr>
          <th>Node</th>
          <th>Component</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={`${p.node}-${i}`}>
            <td>{p.node}</td>
            <td>{p.component}</td>
            <td>{p.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
