/** Rules deciding which ports may be connected. */
import type { Connection, Edge } from "@xyflow/react";
import type { ComponentNode } from "./types";

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

type ConnectionLike = Pick<Connection, "source" | "target"> & {
  sourceHandle?: string | null;
  targetHandle?: string | null;
};

export function checkConnection(connection: ConnectionLike, nodes: ComponentNode[], edges: Edge[]): ConnectionCheck {
  const { source, target, sourceHandle, targetHandle } = connection;
  if (source === target) return { ok: false, reason: "A node cannot connect to itself." };
  const sourceNode = nodes.find((n) => n.id === source);
  const targetNode = nodes.find((n) => n.id === target);
  if (!sourceNode || !targetNode) return { ok: false, reason: "Unknown node." };
  const output = sourceNode.data.spec?.outputs.find((p) => p.name === sourceHandle);
  const input = targetNode.data.spec?.inputs.find((p) => p.name === targetHandle);
  if (!output || !input) return { ok: false, reason: "Unknown port." };
  if (output.type !== input.type) {
    return { ok: false, reason: `Type mismatch: ${output.type} → ${input.type}.` };
  }
  const taken = edges.some((e) => e.target === target && e.targetHandle === targetHandle);
  if (taken) return { ok: false, reason: `Input ${targetHandle} is already connected.` };
  return { ok: true };
}

export function isConnectionValid(connection: ConnectionLike, nodes: ComponentNode[], edges: Edge[]): boolean {
  return checkConnection(connection, nodes, edges).ok;
}

export function edgeId(source: string, sourceHandle: string, target: string, targetHandle: string): string {
  return `${source}.${sourceHandle}->${target}.${targetHandle}`;
}
