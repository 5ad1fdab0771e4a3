/** Scoring wizard: TanStack Query hooks over REST /api/scoring. */
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiGet, apiPost } from "./client";
import type { DataRow } from "./datasetHooks";

/** How often a running scoring job is read again. */
export const SCORING_POLL_MS = 500;

export interface ScoringTable {
  name: string;
  type: "table" | "view";
}

export interface TableColumn {
  name: string;
  type: string;
  kind: string;
}

export interface ScoringModel {
  name: string;
  version: number;
  ref: string;
  versions: number[];
  description: string;
  inputs: { column: string; kind: string }[];
  outputs: { column: string; type: string }[];
}

export interface MappingCheck {
  input: string;
  input_kind: string;
  column: string | null;
  column_kind: string | null;
  status: "ok" | "converted" | "mismatch" | "unmapped";
  note: string;
}

export interface MappingAnswer {
  model: ScoringModel;
  mapping: Record<string, string | null>;
  checks: MappingCheck[];
  runnable: boolean;
}

export type ScoringOutput = "table" | "view";

export interface ScoringJobRequest {
  database: string;
  table: string;
  model: string;
  mapping: Record<string, string | null>;
  target: string;
  score_columns: string[];
  output: ScoringOutput;
}

export interface ScoringJob {
  id: string;
  status: "queued" | "running" | "completed" | "failed";
  target: string;
  rows_done: number;
  rows_total: number | null;
  rows_written: number | null;
  error: string | null;
  sql: string | null;
  preview: { columns: string[]; rows: DataRow[] } | null;
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** Connect: the tables of a database (a mutation, so that a bad database stays on its step). */
export function useConnect() {
  return useMutation({
    mutationFn: (database: string) =>
      apiGet<{ tables: ScoringTable[] }>(`/scoring/tables?${query({ database })}`).then((r) => r.tables),
  });
}

export interface PreviewAnswer {
  table: string;
  columns: TableColumn[];
  rows: DataRow[];
}

export function useTablePreview(database: string, table: string) {
  return useQuery({
    queryKey: ["scoring", "preview", database, table],
    queryFn: () => apiGet<PreviewAnswer>(`/scoring/preview?${query({ database, table, rows: "10" })}`),
    enabled: Boolean(table),
  });
}

export function useScoringModels() {
  return useQuery({
    queryKey: ["scoring", "models"],
    queryFn: () => apiGet<{ models: ScoringModel[] }>("/scoring/models").then((r) => r.models),
  });
}

/** The mapping (auto when ``mapping`` is null) and its checks. */
export function useMappingCheck(
  database: string,
  table: string,
  model: string,
  mapping: Record<string, string | null> | null,
  enabled: boolean,
) {
  return useQuery({
    enabled,
    queryKey: ["scoring", "mapping", database, table, model, mapping],
    queryFn: () => apiPost<MappingAnswer>("/scoring/mapping", { database, table, model, mapping }),
    placeholderData: (previous) => previous,
  });
}

export function useStartScoring() {
  return useMutation({ mutationFn: (body: ScoringJobRequest) => apiPost<ScoringJob>("/scoring/jobs", body) });
}

export interface StoredModel {
  name: string;
  version: number;
  database: string;
  table: string;
}

/** Copy a registered model into the database's kumi_models table (SQL there finds it). */
export function useStoreModel() {
  return useMutation({
    mutationFn: (body: { database: string; model: string }) => apiPost<StoredModel>("/scoring/stored-models", body),
  });
}

export function useScoringJob(id: string) {
  return useQuery({
    queryKey: ["scoring", "jobs", id],
    queryFn: () => apiGet<ScoringJob>(`/scoring/jobs/${encodeURIComponent(id)}`),
    refetchInterval: (q) => (q.state.data && ["completed", "failed"].includes(q.state.data.status) ? false : SCORING_POLL_MS),
  });
}
