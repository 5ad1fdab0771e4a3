/** Column names offered by column widgets: those of the nearest upstream registered dataset. */
import { useMemo } from "react";
import { useDataset } from "../api/hooks";
import type { DatasetVersion } from "../api/types";
import { DATASET_COMPONENT } from "./paletteGroups";
import type { ComponentNode, PipelineEdge } from "./types";


export function upstreamDatasetNode(nodeId: string, nodes: ComponentNode[], edges: PipelineEdge[]): ComponentNode | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set<string>([nodeId]);
  let frontier = [nodeId];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of edges) {
        if (e.target !== id || seen.has(e.source)) continue;
        const source = byId.get(e.source);
        if (source?.data.componentId === DATASET_COMPONENT) return source;
        seen.add(e.source);
        next.push(e.source);
      }
    }
    frontier = next;
  }
  return undefined;
}

export function useKnownColumns(nodeId: string | undefined, nodes: ComponentNode[], edges: PipelineEdge[]): string[] {
  const datasetNode = nodeId ? upstreamDatasetNode(nodeId, nodes, edges) : undefined;
  const name = datasetNode?.data.params.name;
  const version = datasetNode?.data.params.version;
  const { data } = useDataset(typeof name === "string" && name ? name : undefined);
  return useMemo(() => {
    if (!data) return [];
    const versions = data.versions;
    const newest = versions.reduce<DatasetVersion | undefined>(
      (best, v) => (best === undefined || v.version > best.version ? v : best),
      undefined,
    );
    const chosen = versions.find((v) => v.version === version) ?? newest;
    return chosen ? chosen.columns.map((c) => c.name) : [];
  }, [data, version]);
}
