/** How a step or run status looks: CSS class, label and tooltip. */
import type { RunStep } from "../api/runHooks";
import { errorText } from "../api/runHooks";

export interface StatusLook {
  className: string;
  label: string;
  title: string;
}

const LABELS: Record<string, string> = {
  queued: "Queued",
  running: "Running",
  completed: "Completed",
  reused: "Reused",
  failed: "Failed",
  canceled: "Canceled",
};

export function statusClassName(status: string): string {
  return `status-${LABELS[status] ? status : "unknown"}`;
}

export function statusLabel(status: string): string {
  return LABELS[status] ?? status;
}

export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "";
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export function stepLook(step: Pick<RunStep, "status" | "reason" | "error">): StatusLook {
  const label = statusLabel(step.status);
  let title = label;
  if (step.status === "reused" && step.reason) title = `${label}: ${step.reason}`;
  if (step.status === "failed" && step.error) title = `${label}: ${errorText(step.error)}`;
  return { className: statusClassName(step.status), label, title };
}
