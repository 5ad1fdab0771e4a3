/** Column names offered by column widgets: the columns the server knows at the selected
 * node's inputs (followed through the graph from registered datasets); where it cannot
 * tell, those of the nearest upstream registered dataset. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { apiPost } from "../api/client";
import { useDataset } from "../api/hooks";
import type { DatasetVersion, PipelineDocument } from "../api/types";
import { DATASET_COMPONENT } from "./paletteGroups";
import type { ComponentNode, PipelineEdge } from "./types";

interface ColumnInfo {
  name: string;
}

interface NodeColumns {
  inputs: Record<string, ColumnInfo[]>;
  /** Column parameter → the input port whose columns it names. */
  parameters: Record<string, string>;
}

export interface ColumnsAnswer {
  nodes: Record<string, NodeColumns>;
}

/** The columns a node's column parameter may name. */
export type KnownColumns = (parameter: string) => string[];

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

/** Columns known at ``nodeId`` for ``parameter`` from the server's answer (undefined: unknown). */
export function serverColumns(answer: ColumnsAnswer | undefined, nodeId: string, parameter: string): string[] | undefined {
  const node = answer?.nodes[nodeId];
  const port = node?.parameters[parameter];
  const columns = port === undefined ? undefined : node?.inputs[port];
  return columns?.map((c) => c.name);
}

/** What the column answer depends on: the graph and parameters, not the node positions. */
function structureOf(document: PipelineDocument): PipelineDocument {
  return { ...document, nodes: document.nodes.map(({ position: _position, ...node }) => node) };
}

function usePipelineColumns(document: PipelineDocument | undefined) {
  const structure = useMemo(() => (document ? structureOf(document) : undefined), [document]);
  const key = structure ? JSON.stringify(structure) : "";
  return useQuery({
    queryKey: ["pipeline-columns", key],
    queryFn: () => apiPost<ColumnsAnswer>("/pipelines/columns", { document: structure }),
    enabled: structure !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}

function useUpstreamDatasetColumns(nodeId: string | undefined, nodes: ComponentNode[], edges: PipelineEdge[]): string[] {
  const datasetNode = nodeId ? upstreamDatasetNode(nodeId, nodes, edges) : undefined;
  const name = datasetNode?.data.params.name;
  const version = datasetNode?.data.params.version;
  const { data } = useDataset(typeof name === "string" && name ? name : undefined);
  return useMemo(() => {
    if (!data) return [];
    const newest = data.versions.reduce<DatasetVersion | undefined>(
      (best, v) => (best === undefined || v.version > best.version ? v : best),
      undefined,
    );
    const chosen = data.versions.find((v) => v.version === version) ?? newest;
    return chosen ? chosen.columns.map((c) => c.name) : [];
  }, [data, version]);
}

/** ``document`` is the pipeline being edited (undefined when no node is selected). */
export function useKnownColumns(
  nodeId: string | undefined,
  nodes: ComponentNode[],
  edges: PipelineEdge[],
  document: PipelineDocument | undefined,
): KnownColumns {
  const { data } = usePipelineColumns(nodeId ? document : undefined);
  const fallback = useUpstreamDatasetColumns(nodeId, nodes, edges);
  return useMemo(
    () => (parameter: string) => (nodeId ? serverColumns(data, nodeId, parameter) : undefined) ?? fallback,
    [data, nodeId, fallback],
  );
}
