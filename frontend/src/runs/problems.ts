/** Pipeline problems from an `invalid_pipeline` API error. */
import { ApiError } from "../api/client";

export interface PipelineProblem {
  code: string;
  message: string;
  node?: string;
  port?: string;
  parameter?: string;
  severity: string;
}

export function problemsOf(error: unknown): PipelineProblem[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { problems?: unknown } | null;
  if (!details || !Array.isArray(details.problems)) return [];
  return details.problems.filter(
    (p): p is PipelineProblem => typeof p === "object" && p !== null && typeof (p as PipelineProblem).message === "string",
  );
}

/** Problem messages grouped by the node they concern. */
export function problemsByNode(problems: PipelineProblem[]): Map<string, string[]> {
  const byNode = new Map<string, string[]>();
  for (const p of problems) {
    if (!p.node) continue;
    byNode.set(p.node, [...(byNode.get(p.node) ?? []), p.message]);
  }
  return byNode;
}
