/** Runs, experiments, step outputs and logs: API shapes and TanStack Query hooks. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost, apiPut } from "./client";
import { queryKeys } from "./hooks";
import type { DatasetProfile } from "./datasetHooks";
import type { PipelineDocument, PipelineRecord } from "./types";

/** A failed step's or run's error as the API sends it (older shapes: plain text). */
export type RunError = string | { code: string; message: string; details?: unknown };

/** The text to show for an error. */
export function errorText(error: RunError | null | undefined): string | null {
  if (!error) return null;
  return typeof error === "string" ? error : error.message;
}

export type RunStatus = "queued" | "running" | "completed" | "failed" | "canceled" | string;
export type StepStatus = "queued" | "running" | "completed" | "reused" | "failed" | "canceled" | string;

export interface StepOutputRef {
  key?: string;
  content_hash?: string;
  port_type?: string;
}

export interface RunStep {
  node_id: string;
  component_id?: string;
  status: StepStatus;
  cached: boolean;
  reason: string | null;
  seconds: number | null;
  error: RunError | null;
  outputs: Record<string, StepOutputRef>;
}

export interface RunListItem {
  run_id: string;
  pipeline_name: string;
  experiment: string;
  status: RunStatus;
  metrics: Record<string, number>;
  created_at: string;
  seconds: number | null;
  error: RunError | null;
}

export interface RunRecord extends RunListItem {
  document: PipelineDocument;
  parameters: Record<string, unknown>;
  steps: RunStep[];
}

export interface Experiment {
  name: string;
  description: string;
  created_at: string;
}

export interface RunRequestBody {
  pipeline: string;
  experiment?: string;
  parameters?: Record<string, unknown>;
  regenerate?: string[];
}

export interface TableColumn {
  name: string;
  type: string;
  role?: string;
  [extra: string]: unknown;
}

export interface TableOutput {
  type: "table";
  columns: TableColumn[];
  rows: Record<string, unknown>[];
}

export interface EvaluationReport {
  task: string;
  metrics: Record<string, number | null>;
  charts: Record<string, unknown>;
  compared: EvaluationReport | null;
}

export interface EvaluationOutput {
  type: "evaluation_report";
  report: EvaluationReport;
}

export interface DescribedOutput {
  type: string;
  description?: unknown;
}

export type StepOutput = TableOutput | EvaluationOutput | DescribedOutput;

export interface LogChunk {
  text: string;
  offset: number;
  finished: boolean;
}

export const runKeys = {
  run: (id: string) => ["runs", id] as const,
  experiments: ["experiments"] as const,
  output: (run: string, node: string, port: string) => ["runs", run, "steps", node, "outputs", port] as const,
};

const enc = encodeURIComponent;

export function stepPath(runId: string, nodeId: string): string {
  return `/runs/${enc(runId)}/steps/${enc(nodeId)}`;
}

const ACTIVE_RUN_STATUSES = new Set(["queued", "running"]);

/** The runs, polled every 2 s while any of them is queued or running. */
export function useRunList() {
  return useQuery({
    queryKey: queryKeys.runs,
    queryFn: () => apiGet<{ runs: RunListItem[] }>("/runs").then((r) => r.runs),
    refetchInterval: (query) => (query.state.data?.some((r) => ACTIVE_RUN_STATUSES.has(r.status)) ? 2000 : false),
  });
}

export function useRun(id: string | undefined) {
  return useQuery({
    queryKey: runKeys.run(id ?? ""),
    queryFn: () => apiGet<RunRecord>(`/runs/${enc(id ?? "")}`),
    enabled: Boolean(id),
  });
}

/** The newest run of a saved pipeline with its steps (null when it never ran); read once
 * when the designer opens, so a reloaded page shows where the pipeline stands. */
export function useLatestPipelineRun(pipelineId: string | undefined) {
  return useQuery({
    queryKey: ["runs", "latest-of", pipelineId ?? ""],
    queryFn: async () => {
      const { runs } = await apiGet<{ runs: RunListItem[] }>(`/runs?pipeline=${enc(pipelineId ?? "")}&limit=1`);
      return runs.length ? apiGet<RunRecord>(`/runs/${enc(runs[0].run_id)}`) : null;
    },
    enabled: Boolean(pipelineId),
    staleTime: Infinity,
    retry: false,
  });
}

export function useExperiments() {
  return useQuery({
    queryKey: runKeys.experiments,
    queryFn: () => apiGet<{ experiments: Experiment[] }>("/experiments").then((r) => r.experiments),
  });
}

export function useStepOutput(runId: string, nodeId: string, port: string, rows = 100) {
  return useQuery({
    queryKey: runKeys.output(runId, nodeId, port),
    queryFn: () => apiGet<StepOutput>(`${stepPath(runId, nodeId)}/outputs/${enc(port)}?rows=${rows}`),
    staleTime: Infinity,
  });
}

export function fetchStepLog(runId: string, nodeId: string, offset: number): Promise<LogChunk> {
  return apiGet<LogChunk>(`${stepPath(runId, nodeId)}/log?offset=${offset}`);
}

/** Saves the pipeline document, then starts a run of it. */
export function useSubmitRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ pipelineId, document, body }: { pipelineId: string; document: PipelineDocument; body: RunRequestBody }) => {
      const saved = await apiPut<PipelineRecord>(`/pipelines/${enc(pipelineId)}`, { document });
      client.setQueryData(queryKeys.pipeline(pipelineId), saved);
      void client.invalidateQueries({ queryKey: queryKeys.pipelines, exact: true });
      return apiPost<RunRecord>("/runs", body);
    },
    onSuccess: (run) => {
      client.setQueryData(runKeys.run(run.run_id), run);
      void client.invalidateQueries({ queryKey: queryKeys.runs, exact: true });
      void client.invalidateQueries({ queryKey: runKeys.experiments });
    },
  });
}

export function useCancelRun() {
  return useMutation({
    mutationFn: (runId: string) => apiPost<RunRecord>(`/runs/${enc(runId)}/cancel`),
  });
}

/** Per-column statistics of a table output (as for datasets). */
export function useStepOutputProfile(runId: string, nodeId: string, port: string, enabled: boolean) {
  return useQuery({
    queryKey: [...runKeys.output(runId, nodeId, port), "profile"],
    queryFn: () =>
      apiGet<{ profile: DatasetProfile }>(`${stepPath(runId, nodeId)}/outputs/${enc(port)}/profile`).then(
        (r) => r.profile,
      ),
    enabled,
    staleTime: Infinity,
  });
}
