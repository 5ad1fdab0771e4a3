/** Layered top-down layout: each node sits one layer below its deepest predecessor. */
import type { ComponentNode, PipelineEdge } from "./types";

export const LAYER_GAP = 150;
export const COLUMN_GAP = 260;

export function layeredLayout(nodes: ComponentNode[], edges: PipelineEdge[]): ComponentNode[] {
  const ids = new Set(nodes.map((n) => n.id));
  const incoming = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const outgoing = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    incoming.get(e.target)!.push(e.source);
    outgoing.get(e.source)!.push(e.target);
  }
  // Kahn's algorithm; nodes left over (cycles) go to the last layer.
  const pending = new Map(nodes.map((n) => [n.id, incoming.get(n.id)!.length]));
  const layer = new Map<string, number>();
  const queue = nodes.filter((n) => pending.get(n.id) === 0).map((n) => n.id);
  queue.forEach((id) => layer.set(id, 0));
  while (queue.length) {
    const id = queue.shift()!;
    for (const next of outgoing.get(id)!) {
      layer.set(next, Math.max(layer.get(next) ?? 0, layer.get(id)! + 1));
      pending.set(next, pending.get(next)! - 1);
      if (pending.get(next) === 0) queue.push(next);
    }
  }
  const deepest = Math.max(0, ...layer.values());
  const byLayer = new Map<number, ComponentNode[]>();
  for (const n of nodes) {
    const l = layer.has(n.id) && pending.get(n.id) === 0 ? layer.get(n.id)! : deepest + 1;
    byLayer.set(l, [...(byLayer.get(l) ?? []), n]);
  }
  const positions = new Map<string, { x: number; y: number }>();
  for (const [l, members] of byLayer) {
    const ordered = [...members].sort((a, b) => a.position.x - b.position.x);
    const offset = ((ordered.length - 1) * COLUMN_GAP) / 2;
    ordered.forEach((n, i) => positions.set(n.id, { x: i * COLUMN_GAP - offset, y: l * LAYER_GAP }));
  }
  return nodes.map((n) => ({ ...n, position: positions.get(n.id)! }));
}
