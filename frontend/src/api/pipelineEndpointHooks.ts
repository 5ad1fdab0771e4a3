/** Pipeline endpoints (published, versioned pipelines) and their schedules: API shapes and hooks. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiDelete, apiGet, apiPost, apiRequest } from "./client";
import type { RunListItem } from "./runHooks";

export interface PipelineEndpointVersion {
  version: number;
  pipeline: string;
  parameters: Record<string, unknown>;
  created_at: string;
}

export interface PipelineEndpoint {
  name: string;
  description: string;
  default_version: number;
  versions: PipelineEndpointVersion[];
  submit_uri: string;
  created_at: string;
}

export interface PublishRequest {
  name: string;
  pipeline: string;
  description?: string;
  set_default?: boolean;
}

/** Azure's published-pipeline request body. */
export interface SubmitRequest {
  ExperimentName: string;
  ParameterAssignments: Record<string, unknown>;
  Version?: number;
  Description?: string;
  Tags?: Record<string, string>;
}

export interface SubmitAnswer {
  Id: string;
  run_id: string;
  status: string;
  status_uri: string;
}

export interface EndpointRun extends RunListItem {
  version: number;
  trigger: "api" | "schedule" | string;
}

export interface Schedule {
  id: string;
  name: string;
  endpoint: string;
  cron: string;
  timezone: string;
  parameter_assignments: Record<string, unknown>;
  experiment_name: string | null;
  version: number | null;
  paused: boolean;
  next_run_at: string | null;
  last_run_at: string | null;
  last_run_id: string | null;
  created_at: string;
}

export interface ScheduleRequest {
  name: string;
  cron: string;
  timezone?: string;
  parameter_assignments?: Record<string, unknown>;
  experiment_name?: string;
  version?: number;
}

const enc = encodeURIComponent;
const path = (name: string) => `/pipeline-endpoints/${enc(name)}`;

export const pipelineEndpointKeys = {
  list: ["pipeline-endpoints"] as const,
  one: (name: string) => ["pipeline-endpoints", name] as const,
  runs: (name: string) => ["pipeline-endpoints", name, "runs"] as const,
  schedules: ["schedules"] as const,
};

export function usePipelineEndpoints() {
  return useQuery({
    queryKey: pipelineEndpointKeys.list,
    queryFn: () =>
      apiGet<{ pipeline_endpoints: PipelineEndpoint[] }>("/pipeline-endpoints").then((r) => r.pipeline_endpoints),
  });
}

export function usePipelineEndpoint(name: string) {
  return useQuery({ queryKey: pipelineEndpointKeys.one(name), queryFn: () => apiGet<PipelineEndpoint>(path(name)) });
}

/** The runs an endpoint started, polled every few seconds while one of them is unfinished. */
export function usePipelineEndpointRuns(name: string) {
  return useQuery({
    queryKey: pipelineEndpointKeys.runs(name),
    queryFn: () => apiGet<{ runs: EndpointRun[] }>(`${path(name)}/runs`).then((r) => r.runs),
    refetchInterval: (query) =>
      (query.state.data ?? []).some((r) => r.status === "queued" || r.status === "running") ? 3000 : false,
  });
}

export function usePublishPipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishRequest) => apiPost<PipelineEndpoint>("/pipeline-endpoints", body),
    onSuccess: (endpoint) => {
      client.setQueryData(pipelineEndpointKeys.one(endpoint.name), endpoint);
      void client.invalidateQueries({ queryKey: pipelineEndpointKeys.list, exact: true });
    },
  });
}

export function useSetDefaultVersion(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiRequest<PipelineEndpoint>("PATCH", path(name), { default_version: version }),
    onSuccess: (endpoint) => {
      client.setQueryData(pipelineEndpointKeys.one(name), endpoint);
      void client.invalidateQueries({ queryKey: pipelineEndpointKeys.list, exact: true });
    },
  });
}

export function useSubmitToEndpoint(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitRequest) => apiPost<SubmitAnswer>(`${path(name)}/submit`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: pipelineEndpointKeys.runs(name) }),
  });
}

export function useDeletePipelineEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiDelete<null>(path(name)),
    onSuccess: () => void client.invalidateQueries({ queryKey: pipelineEndpointKeys.list, exact: true }),
  });
}

export function useSchedules() {
  return useQuery({
    queryKey: pipelineEndpointKeys.schedules,
    queryFn: () => apiGet<{ schedules: Schedule[] }>("/schedules").then((r) => r.schedules),
  });
}

export function useCreateSchedule(endpoint: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleRequest) => apiPost<Schedule>(`${path(endpoint)}/schedules`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: pipelineEndpointKeys.schedules }),
  });
}

export function usePauseSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, paused }: { id: string; paused: boolean }) =>
      apiRequest<Schedule>("PATCH", `/schedules/${enc(id)}`, { paused }),
    onSuccess: () => void client.invalidateQueries({ queryKey: pipelineEndpointKeys.schedules }),
  });
}

export function useDeleteSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiDelete<null>(`/schedules/${enc(id)}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: pipelineEndpointKeys.schedules }),
  });
}
