import type { Edge, Node } from "@xyflow/react";
import type { RunStep } from "../api/runHooks";
import type { ComponentSpec } from "../api/types";

/** Data carried by every canvas node. */
export type ComponentNodeData = {
  componentId: string;
  params: Record<string, unknown>;
  /** Manifest entry; undefined when the component is unknown to this server. */
  spec?: ComponentSpec;
  /** Validation messages shown inside the node (computed, never saved). */
  issues?: string[];
  /** The node's step in the run shown on the canvas (computed, never saved). */
  step?: RunStep;
  /** Fields of the document node this editor does not know, kept for the round trip. */
  extra?: Record<string, unknown>;
};

export type ComponentNode = Node<ComponentNodeData, "component">;
export type PipelineEdge = Edge;

export interface FlowSnapshot {
  nodes: ComponentNode[];
  edges: PipelineEdge[];
}

export const COMPONENT_DRAG_MIME = "application/kumi-component";
/** Parameter values (JSON) preset on the dropped node, e.g. a registered dataset's name. */
export const PARAMS_DRAG_MIME = "application/kumi-params";

/** How canvases fit the graph into view: a margin, and never larger than life (a few nodes
 * would otherwise fill the screen). */
export const FIT_VIEW = { padding: 0.2, maxZoom: 1 } as const;
