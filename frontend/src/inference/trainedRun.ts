/** Whether a run can be turned into an inference pipeline. */
import type { RunRecord } from "../api/runHooks";

/** The reason the Create inference pipeline button is off, or null when it is on. */
export function whyNotDerivable(run: RunRecord | null | undefined): string | null {
  if (!run) return "Run the pipeline first: an inference pipeline is made from a completed training run.";
  if (run.status !== "completed") return `The run shown is ${run.status}; an inference pipeline needs a completed run.`;
  const trains = (run.document?.nodes ?? []).some((n) => n.component === "train_model" || n.component.startsWith("train_"));
  if (!trains) return "The run trains no model (no Train Model step).";
  return null;
}
