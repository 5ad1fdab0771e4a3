/** Deriving an inference pipeline from a completed training run. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiPost } from "./client";
import { queryKeys } from "./hooks";
import type { PipelineRecord } from "./types";

export type InferenceKind = "realtime" | "batch";

export interface DroppedStep {
  node: string;
  component: string;
  reason: string;
}

export interface FrozenStep {
  node: string;
  component: string;
  as: string;
}

export interface DerivationProblem {
  node: string;
  component: string;
  reason: string;
}

export interface DerivedPipeline {
  pipeline: PipelineRecord;
  kind: InferenceKind;
  training_run_id: string;
  dropped: DroppedStep[];
  frozen: FrozenStep[];
  input_schema: { name: string; type: string; categorical: boolean }[];
}

export function useCreateInferencePipeline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ runId, kind }: { runId: string; kind: InferenceKind }) =>
      apiPost<DerivedPipeline>(`/runs/${encodeURIComponent(runId)}/inference-pipelines`, { kind }),
    onSuccess: (derived) => {
      client.setQueryData(queryKeys.pipeline(derived.pipeline.id), derived.pipeline);
      void client.invalidateQueries({ queryKey: queryKeys.pipelines, exact: true });
    },
  });
}

/** The steps that could not be carried into inference, from a 422 not_derivable answer. */
export function derivationProblems(error: unknown): DerivationProblem[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { problems?: unknown } | null;
  if (!details || !Array.isArray(details.problems)) return [];
  return details.problems
    .filter((p): p is Record<string, unknown> => typeof p === "object" && p !== null)
    .map((p) => ({
      node: String(p.node ?? ""),
      component: String(p.component ?? ""),
      reason: String(p.reason ?? p.message ?? ""),
    }));
}
