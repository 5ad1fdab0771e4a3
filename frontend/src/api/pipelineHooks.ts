/** Pipeline list actions (create empty, clone, delete) and the recent runs on the home page. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiDelete, apiGet, apiPost } from "./client";
import { queryKeys } from "./hooks";
import type { PipelineDocument, PipelineRecord, RunSummary } from "./types";

export interface PipelineListItem {
  id: string;
  name: string;
  description: string;
  version: number;
  nodes: number;
  updated_at: string;
}

export function usePipelineList() {
  return useQuery({
    queryKey: queryKeys.pipelines,
    queryFn: () => apiGet<{ pipelines: PipelineListItem[] }>("/pipelines").then((r) => r.pipelines),
  });
}

export function useRecentRuns(limit: number) {
  return useQuery({
    queryKey: [...queryKeys.runs, "recent", limit],
    queryFn: () => apiGet<{ runs: RunSummary[] }>(`/runs?limit=${limit}`).then((r) => r.runs),
  });
}

export function emptyPipelineDocument(name: string) {
  return { schema_version: 1, name, nodes: [], edges: [] };
}

export function useCreateEmptyPipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiPost<PipelineRecord>("/pipelines", { document: emptyPipelineDocument(name) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.pipelines, exact: true }),
  });
}

export function useClonePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ source, name }: { source: string; name: string }) =>
      apiPost<PipelineRecord>(`/pipelines/${encodeURIComponent(source)}/clone`, { name }),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.pipelines, exact: true }),
  });
}

/** Saves a document as a new pipeline (409 when the name is taken). */
export function useCreatePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (document: PipelineDocument) => apiPost<PipelineRecord>("/pipelines", { document }),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.pipelines, exact: true }),
  });
}

export function useDeletePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiDelete<null>(`/pipelines/${encodeURIComponent(name)}`),
    onSuccess: (_data, name) => {
      client.removeQueries({ queryKey: queryKeys.pipeline(name) });
      void client.invalidateQueries({ queryKey: queryKeys.pipelines, exact: true });
    },
  });
}
