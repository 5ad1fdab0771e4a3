/** Validation messages shown on the nodes of the canvas. */
import type { ComponentNode, PipelineEdge } from "./types";

export function nodeIssues(node: ComponentNode, edges: PipelineEdge[]): string[] {
  const spec = node.data.spec;
  if (!spec) return [`Unknown component "${node.data.componentId}".`];
  const connected = new Set(edges.filter((e) => e.target === node.id).map((e) => e.targetHandle));
  return spec.inputs
    .filter((port) => !port.optional && !connected.has(port.name))
    .map((port) => `Input "${port.name}" is not connected.`);
}
