/** The items of a node's context menu for its step of the current run. */
import type { RunStep } from "../api/runHooks";

export type StepMenuItem =
  | { kind: "output"; port: string; label: string }
  | { kind: "log"; label: string }
  | { kind: "regenerate"; label: string };

const FINISHED_STEP = new Set(["completed", "reused", "failed", "canceled"]);

export function isStepFinished(step: RunStep | undefined): step is RunStep {
  return step !== undefined && FINISHED_STEP.has(step.status);
}

/** Output ports are listed in the component's order when known, then any other port the step produced. */
export function stepMenuItems(step: RunStep | undefined, portOrder: string[] = []): StepMenuItem[] {
  if (!isStepFinished(step)) return [];
  const produced = Object.keys(step.outputs ?? {});
  const ports = [...portOrder.filter((p) => produced.includes(p)), ...produced.filter((p) => !portOrder.includes(p))];
  return [
    ...ports.map((port) => ({ kind: "output" as const, port, label: `View output ▸ ${port}` })),
    { kind: "log", label: "View log" },
    { kind: "regenerate", label: "Regenerate output" },
  ];
}
