/** TanStack Query hooks over the REST API. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost, apiPut } from "./client";
import type {
  ComponentSpec,
  DatasetDetail,
  DatasetSummary,
  PipelineDocument,
  PipelineRecord,
  PipelineSummary,
  RunSummary,
} from "./types";

export const queryKeys = {
  components: ["components"] as const,
  datasets: ["datasets"] as const,
  dataset: (name: string) => ["datasets", name] as const,
  pipelines: ["pipelines"] as const,
  pipeline: (id: string) => ["pipelines", id] as const,
  runs: ["runs"] as const,
};

export function useComponents() {
  return useQuery({
    queryKey: queryKeys.components,
    queryFn: () => apiGet<{ components: ComponentSpec[] }>("/components").then((r) => r.components),
    staleTime: Infinity,
  });
}

export function useDatasets() {
  return useQuery({
    queryKey: queryKeys.datasets,
    queryFn: () => apiGet<{ datasets: DatasetSummary[] }>("/datasets").then((r) => r.datasets),
  });
}

export function useDataset(name: string | undefined) {
  return useQuery({
    queryKey: queryKeys.dataset(name ?? ""),
    queryFn: () => apiGet<DatasetDetail>(`/datasets/${encodeURIComponent(name ?? "")}`),
    enabled: Boolean(name),
  });
}

export function usePipelines() {
  return useQuery({
    queryKey: queryKeys.pipelines,
    queryFn: () => apiGet<{ pipelines: PipelineSummary[] }>("/pipelines").then((r) => r.pipelines),
  });
}

export function usePipeline(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.pipeline(id ?? ""),
    queryFn: () => apiGet<PipelineRecord>(`/pipelines/${encodeURIComponent(id ?? "")}`),
    enabled: Boolean(id),
    refetchOnWindowFocus: false,
  });
}

export function useSavePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, document }: { id: string; document: PipelineDocument }) =>
      apiPut<PipelineRecord>(`/pipelines/${encodeURIComponent(id)}`, { document }),
    onSuccess: (record) => {
      client.setQueryData(queryKeys.pipeline(record.id), record);
      void client.invalidateQueries({ queryKey: queryKeys.pipelines, exact: true });
    },
  });
}

export function useCreatePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (document: PipelineDocument) => apiPost<PipelineRecord>("/pipelines", { document }),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.pipelines, exact: true }),
  });
}

export function useRuns() {
  return useQuery({
    queryKey: queryKeys.runs,
    queryFn: () => apiGet<{ runs: RunSummary[] }>("/runs").then((r) => r.runs),
  });
}
