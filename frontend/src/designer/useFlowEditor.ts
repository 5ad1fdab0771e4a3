/** Canvas state (nodes, edges) with undo/redo, and the edit operations of the designer. */
import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type XYPosition,
} from "@xyflow/react";
import { useCallback, useMemo, useReducer } from "react";
import type { ComponentSpec } from "../api/types";
import { edgeId } from "./connections";
import { historyReducer, initHistory, type History, type HistoryAction } from "./history";
import { layeredLayout } from "./layout";
import { nodeIdFrom, uniqueNodeId } from "./nodeIds";
import { defaultParams } from "./schema";
import type { ComponentNode, FlowSnapshot } from "./types";

type FlowReducer = (state: History<FlowSnapshot>, action: HistoryAction<FlowSnapshot>) => History<FlowSnapshot>;

/** Node changes that are edits (recorded for undo); moves, sizes and selection are not. */
function isStructuralNodeChange(change: NodeChange<ComponentNode>): boolean {
  return change.type === "add" || change.type === "replace";
}

/** A new node of ``spec`` with its default parameters, overridden by ``preset``; its id comes
 * from ``idHint`` (e.g. a dataset's name) or the component id. */
export function createNode(
  spec: ComponentSpec,
  position: XYPosition,
  existing: ComponentNode[],
  preset: Record<string, unknown> = {},
  idHint?: string,
): ComponentNode {
  const base = idHint ? nodeIdFrom(idHint) || spec.id : spec.id;
  return {
    id: uniqueNodeId(base, existing.map((n) => n.id)),
    type: "component",
    position,
    data: { componentId: spec.id, params: { ...defaultParams(spec.params_schema), ...preset }, spec },
  };
}

export function useFlowEditor(initial: FlowSnapshot) {
  const [history, dispatch] = useReducer<FlowReducer, FlowSnapshot>(historyReducer, initial, initHistory);
  const { nodes, edges } = history.present;

  const update = useCallback(
    (fn: (s: FlowSnapshot) => FlowSnapshot, record: boolean, mergeKey?: string) =>
      dispatch({ type: "set", present: fn, record, mergeKey }),
    [],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<ComponentNode>[]) =>
      update((s) => ({ ...s, nodes: applyNodeChanges(changes, s.nodes) }), changes.some(isStructuralNodeChange)),
    [update],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) =>
      update((s) => ({ ...s, edges: applyEdgeChanges(changes, s.edges) }), changes.some((c) => c.type === "add")),
    [update],
  );

  const onConnect = useCallback(
    (c: Connection) =>
      update((s) => ({
        ...s,
        edges: addEdge({ ...c, id: edgeId(c.source, c.sourceHandle ?? "", c.target, c.targetHandle ?? "") }, s.edges),
      }), true),
    [update],
  );

  const addComponent = useCallback(
    (spec: ComponentSpec, position: XYPosition, preset?: Record<string, unknown>, idHint?: string) =>
      update((s) => ({ ...s, nodes: [...s.nodes, createNode(spec, position, s.nodes, preset, idHint)] }), true),
    [update],
  );

  const setParam = useCallback(
    (nodeId: string, name: string, value: unknown) =>
      update(
        (s) => ({
          ...s,
          nodes: s.nodes.map((n) =>
            n.id === nodeId ? { ...n, data: { ...n.data, params: { ...n.data.params, [name]: value } } } : n,
          ),
        }),
        true,
        `param:${nodeId}:${name}`,
      ),
    [update],
  );

  const autoLayout = useCallback(() => update((s) => ({ ...s, nodes: layeredLayout(s.nodes, s.edges) }), true), [update]);
  const checkpoint = useCallback(() => dispatch({ type: "checkpoint" }), []);
  const undo = useCallback(() => dispatch({ type: "undo" }), []);
  const redo = useCallback(() => dispatch({ type: "redo" }), []);
  const reset = useCallback((snapshot: FlowSnapshot) => dispatch({ type: "reset", present: snapshot }), []);

  return useMemo(
    () => ({
      nodes,
      edges,
      canUndo: history.past.length > 0,
      canRedo: history.future.length > 0,
      onNodesChange,
      onEdgesChange,
      onConnect,
      addComponent,
      setParam,
      autoLayout,
      checkpoint,
      undo,
      redo,
      reset,
    }),
    [nodes, edges, history.past.length, history.future.length, onNodesChange, onEdgesChange, onConnect, addComponent,
      setParam, autoLayout, checkpoint, undo, redo, reset],
  );
}

export type FlowEditor = ReturnType<typeof useFlowEditor>;
