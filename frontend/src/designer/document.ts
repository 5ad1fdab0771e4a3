/** Conversion between the canvas (React Flow nodes/edges) and the pipeline document. */
import type { ComponentSpec, PipelineDocument, PipelineNodeDoc } from "../api/types";
import { edgeId } from "./connections";
import type { ComponentNode, PipelineEdge } from "./types";

/** Document fields other than nodes and edges. */
export type PipelineMeta = Omit<PipelineDocument, "nodes" | "edges">;

export const EMPTY_META: PipelineMeta = { schema_version: 1, name: "", description: "", parameters: {} };

function splitEndpoint(endpoint: string): [string, string] {
  const dot = endpoint.lastIndexOf(".");
  if (dot <= 0) throw new Error(`Edge endpoint "${endpoint}" must be "node.port".`);
  return [endpoint.slice(0, dot), endpoint.slice(dot + 1)];
}

/** Coordinates equal to 0 may be left out of a stored document. */
function finiteOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

export function documentToFlow(
  doc: PipelineDocument,
  manifest: ComponentSpec[],
): { nodes: ComponentNode[]; edges: PipelineEdge[]; meta: PipelineMeta } {
  const specs = new Map(manifest.map((c) => [c.id, c]));
  const { nodes: docNodes, edges: docEdges, ...meta } = doc;
  const nodes: ComponentNode[] = docNodes.map((n, index) => {
    const { id, component, params, position, ...extra } = n;
    return {
      id,
      type: "component",
      position: position ? { x: finiteOr(position.x, 0), y: finiteOr(position.y, 0) } : { x: 0, y: index * 120 },
      data: {
        componentId: component,
        params: structuredClone(params ?? {}),
        spec: specs.get(component),
        ...(Object.keys(extra).length ? { extra } : {}),
      },
    };
  });
  const edges: PipelineEdge[] = docEdges.map((e) => {
    const [source, sourceHandle] = splitEndpoint(e.from);
    const [target, targetHandle] = splitEndpoint(e.to);
    return { id: edgeId(source, sourceHandle, target, targetHandle), source, sourceHandle, target, targetHandle };
  });
  return { nodes, edges, meta: { ...EMPTY_META, ...meta } };
}

export function flowToDocument(nodes: ComponentNode[], edges: PipelineEdge[], meta: PipelineMeta): PipelineDocument {
  const docNodes: PipelineNodeDoc[] = nodes.map((n) => ({
    ...(n.data.extra ?? {}),
    id: n.id,
    component: n.data.componentId,
    params: structuredClone(n.data.params),
    position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
  }));
  const docEdges = edges.map((e) => ({
    from: `${e.source}.${e.sourceHandle ?? ""}`,
    to: `${e.target}.${e.targetHandle ?? ""}`,
  }));
  return { ...EMPTY_META, ...meta, nodes: docNodes, edges: docEdges };
}
