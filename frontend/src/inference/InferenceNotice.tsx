/** The notice shown over a freshly derived inference pipeline: which steps dropped out and
 * which were frozen (carried in navigation state from the create button). */
import { useState } from "react";
import { Link } from "react-router-dom";
import type { DerivedPipeline, DroppedStep, FrozenStep } from "../api/inferenceHooks";

export interface InferenceNoticeData {
  kind: DerivedPipeline["kind"];
  training_run_id: string;
  dropped: DroppedStep[];
  frozen: FrozenStep[];
}

export function inferenceNoticeState(derived: DerivedPipeline): { inference: InferenceNoticeData } {
  const { kind, training_run_id, dropped, frozen } = derived;
  return { inference: { kind, training_run_id, dropped: dropped ?? [], frozen: frozen ?? [] } };
}

/** The notice data in a location state, if any. */
export function inferenceNoticeOf(state: unknown): InferenceNoticeData | null {
  const notice = (state as { inference?: InferenceNoticeData } | null)?.inference;
  return notice && Array.isArray(notice.dropped) && Array.isArray(notice.frozen) ? notice : null;
}

export function InferenceNotice({ notice }: { notice: InferenceNoticeData }) {
  const [shown, setShown] = useState(true);
  if (!shown) return null;
  const kind = notice.kind === "batch" ? "Batch" : "Real-time";
  return (
    <div className="inference-notice" role="status" data-testid="inference-notice">
      <div className="derive-problems-header">
        <strong>
          {kind} inference pipeline created from run{" "}
          <Link to={`/runs/${encodeURIComponent(notice.training_run_id)}`}>{notice.training_run_id.slice(0, 8)}</Link>.
        </strong>
        <button type="button" aria-label="Dismiss" onClick={() => setShown(false)}>
          ×
        </button>
      </div>
      {notice.dropped.length > 0 && (
        <p>
          Dropped:{" "}
          {notice.dropped.map((d) => `${d.node} (${d.component}: ${d.reason})`).join("; ")}
        </p>
      )}
      {notice.frozen.length > 0 && (
        <p>
          Frozen: {notice.frozen.map((f) => `${f.node} (${f.component} → ${f.as})`).join("; ")}
        </p>
      )}
      {notice.dropped.length === 0 && notice.frozen.length === 0 && <p>Every step was carried as it is.</p>}
    </div>
  );
}
