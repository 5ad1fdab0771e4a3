/** AutoML jobs: TanStack Query hooks over REST /api/automl. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost } from "./client";
import type { AutoMLJob, AutoMLJobRequest } from "./automlTypes";
import { endpointKeys, type Endpoint } from "./endpointHooks";
import { queryKeys } from "./hooks";

/** How often a queued or running job is read again. */
export const JOB_POLL_MS = 1000;

/** How often the jobs list is read again while a job in it is queued or running. */
export const LIST_POLL_MS = 3000;

const jobPath = (id: string) => `/automl/jobs/${encodeURIComponent(id)}`;

export const automlKeys = {
  jobs: ["automl", "jobs"] as const,
  job: (id: string) => ["automl", "jobs", id] as const,
};

/** Whether a job may still change (it is polled while so). */
export function isActive(status: string | undefined): boolean {
  return status === "queued" || status === "running";
}

/** The URL of a job's retraining script (text/x-python). */
export function scriptUrl(id: string): string {
  return `/api${jobPath(id)}/script`;
}

export function useAutoMLJobs() {
  return useQuery({
    queryKey: automlKeys.jobs,
    queryFn: () => apiGet<{ jobs: AutoMLJob[] }>("/automl/jobs").then((r) => r.jobs),
    refetchInterval: (query) => (query.state.data?.some((job) => isActive(job.status)) ? LIST_POLL_MS : false),
  });
}

export function useAutoMLJob(id: string) {
  return useQuery({
    queryKey: automlKeys.job(id),
    queryFn: () => apiGet<AutoMLJob>(jobPath(id)),
    refetchInterval: (query) => (isActive(query.state.data?.status) ? JOB_POLL_MS : false),
    refetchIntervalInBackground: true,
  });
}

export function useSubmitAutoMLJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AutoMLJobRequest) => apiPost<AutoMLJob>("/automl/jobs", body),
    onSuccess: (job) => {
      client.setQueryData(automlKeys.job(job.id), job);
      void client.invalidateQueries({ queryKey: automlKeys.jobs, exact: true });
    },
  });
}

export function useCancelAutoMLJob(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<AutoMLJob>(`${jobPath(id)}/cancel`),
    onSuccess: (job) => {
      client.setQueryData(automlKeys.job(id), job);
      void client.invalidateQueries({ queryKey: automlKeys.jobs, exact: true });
    },
  });
}

export function useDeployAutoMLJob(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiPost<Endpoint>(`${jobPath(id)}/deploy`, { name }),
    onSuccess: (endpoint) => {
      client.setQueryData(endpointKeys.one(endpoint.name), endpoint);
      void client.invalidateQueries({ queryKey: endpointKeys.list, exact: true });
    },
  });
}

/** The designer pipeline made from a job (more fields may follow). */
export interface CreatedPipeline {
  id: string;
  name?: string;
}

/** "Use in designer": a new designer pipeline holding the job's best model. */
export function useAutoMLPipeline(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string | null) =>
      apiPost<{ pipeline: CreatedPipeline }>(`${jobPath(id)}/pipeline`, { name }).then(
        (r) => r.pipeline,
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.pipelines, exact: true }),
  });
}
