/** Adds what the canvas shows but never saves to each node: issues, pipeline problems, run step. */
import type { RunStep } from "../api/runHooks";
import { nodeIssues } from "./nodeIssues";
import type { ComponentNode, PipelineEdge } from "./types";

export function decorateNodes(
  nodes: ComponentNode[],
  edges: PipelineEdge[],
  steps: Map<string, RunStep> = new Map(),
  problems: Map<string, string[]> = new Map(),
): ComponentNode[] {
  return nodes.map((n) => {
    const issues = [...nodeIssues(n, edges), ...(problems.get(n.id) ?? [])];
    const step = steps.get(n.id);
    return { ...n, data: { ...n.data, issues: [...new Set(issues)], ...(step ? { step } : {}) } };
  });
}
