/** Dataset API shapes and query hooks: list, versions, preview, profile, inspect and register. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { postForm } from "../datasets/postForm";
import { apiDelete, apiGet } from "./client";
import { queryKeys } from "./hooks";
import type { DatasetColumn } from "./types";

export type DataRow = Record<string, unknown>;

export interface DatasetListItem {
  name: string;
  description: string;
  latest_version: number;
  rows: number;
  columns: number;
  label: string | null;
  created_at: string;
}

export interface DatasetVersionInfo {
  version: number;
  rows: number;
  columns: DatasetColumn[];
  source: string;
  content_hash: string;
  created_at: string;
}

export interface DatasetInfo {
  name: string;
  description: string;
  latest_version: number;
  /** Newest first. */
  versions: DatasetVersionInfo[];
}

export interface DatasetRowsPreview {
  columns: DatasetColumn[];
  rows: DataRow[];
  total_rows: number;
}

export interface Histogram {
  edges: number[];
  counts: number[];
}

export interface TopValue {
  value: string;
  count: number;
}

export interface ColumnProfile extends DatasetColumn {
  missing: number;
  distinct: number;
  /** Numbers for number columns, ISO text for dates. */
  min?: number | string | null;
  max?: number | string | null;
  mean?: number | null;
  std?: number | null;
  histogram?: Histogram | null;
  top_values?: TopValue[];
}

export interface DatasetProfile {
  row_count: number;
  columns: ColumnProfile[];
}

export interface InspectResult {
  filename: string;
  rows: number;
  columns: DatasetColumn[];
  preview: DataRow[];
}

export interface RegisteredDataset {
  name: string;
  latest_version: number;
  rows: number;
  columns: number;
  label: string | null;
  version: DatasetVersionInfo;
}

export const PREVIEW_ROWS = 100;

const datasetPath = (name: string) => `/datasets/${encodeURIComponent(name)}`;
const versionKey = (name: string, version: number) => [...queryKeys.dataset(name), "versions", version] as const;

export function useDatasetList() {
  return useQuery({
    queryKey: queryKeys.datasets,
    queryFn: () => apiGet<{ datasets: DatasetListItem[] }>("/datasets").then((r) => r.datasets),
  });
}

export function useDatasetInfo(name: string | undefined) {
  return useQuery({
    queryKey: queryKeys.dataset(name ?? ""),
    queryFn: () => apiGet<DatasetInfo>(datasetPath(name ?? "")),
    enabled: Boolean(name),
  });
}

export function useDatasetPreview(name: string, version: number | undefined) {
  return useQuery({
    queryKey: [...versionKey(name, version ?? 0), "preview", PREVIEW_ROWS],
    queryFn: () =>
      apiGet<DatasetRowsPreview>(`${datasetPath(name)}/versions/${version}/preview?rows=${PREVIEW_ROWS}`),
    enabled: version !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDatasetProfile(name: string, version: number | undefined) {
  return useQuery({
    queryKey: [...versionKey(name, version ?? 0), "profile"],
    queryFn: () =>
      apiGet<{ profile: DatasetProfile }>(`${datasetPath(name)}/versions/${version}/profile`).then((r) => r.profile),
    enabled: version !== undefined,
    staleTime: Infinity,
  });
}

/** Reads an uploaded file and returns its columns and first rows; nothing is saved. */
export function useInspectUpload() {
  return useMutation({
    mutationFn: (form: FormData) => postForm<InspectResult>("/datasets/inspect", form),
  });
}

export function useRegisterDataset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) => postForm<RegisteredDataset>("/datasets", form),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.datasets }),
  });
}

/** Deletes a dataset with all its versions (pipelines naming it will say it is missing). */
export function useDeleteDataset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiDelete<null>(datasetPath(name)),
    onSuccess: (_answer, name) => {
      client.removeQueries({ queryKey: queryKeys.dataset(name) });
      void client.invalidateQueries({ queryKey: queryKeys.datasets, exact: true });
    },
  });
}
