/** Real-time endpoints: API shapes and TanStack Query hooks (REST /api/endpoints). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiDelete, apiGet, apiPost } from "./client";

export interface SignatureColumn {
  name: string;
  type: string;
  categorical?: boolean;
  required?: boolean;
}

export type ScoringRow = Record<string, unknown>;

export interface ScoringRequest {
  Inputs: Record<string, ScoringRow[]>;
  GlobalParameters: Record<string, unknown>;
}

export interface Endpoint {
  name: string;
  kind: "realtime";
  status: string;
  runtime: "onnx" | "python" | string;
  runtime_reason: string | null;
  pipeline: string;
  training_run_id: string | null;
  model: { name: string; version: number | string } | null;
  scoring_uri: string;
  invocations_uri: string;
  swagger_uri: string;
  signature: {
    inputs: Record<string, SignatureColumn[]>;
    outputs: Record<string, { name: string; type: string }[]>;
  };
  input_example: ScoringRequest | null;
  extra_columns: "ignore" | "reject" | string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface EndpointKeys {
  primary_key: string;
  secondary_key: string;
}

export interface EndpointMetrics {
  requests: number;
  errors: number;
  latency_ms: { p50: number | null; p90: number | null; p99: number | null };
  per_minute: { minute: string; requests: number; errors: number; p50_ms: number | null }[];
}

export interface DeployRequest {
  name: string;
  pipeline?: string;
  run_id?: string;
  description?: string;
  extra_columns?: "ignore" | "reject";
}

const enc = encodeURIComponent;
const path = (name: string) => `/endpoints/${enc(name)}`;

export const endpointKeys = {
  list: ["endpoints"] as const,
  one: (name: string) => ["endpoints", name] as const,
  keys: (name: string) => ["endpoints", name, "keys"] as const,
  metrics: (name: string) => ["endpoints", name, "metrics"] as const,
  logs: (name: string) => ["endpoints", name, "logs"] as const,
};

export function useEndpoints() {
  return useQuery({
    queryKey: endpointKeys.list,
    queryFn: () => apiGet<{ endpoints: Endpoint[] }>("/endpoints").then((r) => r.endpoints),
  });
}

export function useEndpoint(name: string) {
  return useQuery({ queryKey: endpointKeys.one(name), queryFn: () => apiGet<Endpoint>(path(name)) });
}

export function useEndpointKeys(name: string) {
  return useQuery({ queryKey: endpointKeys.keys(name), queryFn: () => apiGet<EndpointKeys>(`${path(name)}/keys`) });
}

export function useEndpointMetrics(name: string, refreshMs: number) {
  return useQuery({
    queryKey: endpointKeys.metrics(name),
    queryFn: () => apiGet<EndpointMetrics>(`${path(name)}/metrics`),
    refetchInterval: refreshMs,
  });
}

export function useEndpointLogs(name: string, tail = 200) {
  return useQuery({
    queryKey: endpointKeys.logs(name),
    queryFn: () => apiGet<{ lines: string[] }>(`${path(name)}/logs?tail=${tail}`).then((r) => r.lines),
  });
}

export function useDeployEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeployRequest) => apiPost<Endpoint>("/endpoints", body),
    onSuccess: (endpoint) => {
      client.setQueryData(endpointKeys.one(endpoint.name), endpoint);
      void client.invalidateQueries({ queryKey: endpointKeys.list, exact: true });
    },
  });
}

export function useRegenerateKey(name: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (keyType: "primary" | "secondary") =>
      apiPost<EndpointKeys>(`${path(name)}/keys/regenerate`, { key_type: keyType }),
    onSuccess: (keys) => {
      if (keys && typeof keys.primary_key === "string") client.setQueryData(endpointKeys.keys(name), keys);
      else void client.invalidateQueries({ queryKey: endpointKeys.keys(name) });
    },
  });
}

export function useDeleteEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiDelete<null>(path(name)),
    onSuccess: (_data, name) => {
      client.removeQueries({ queryKey: endpointKeys.one(name) });
      void client.invalidateQueries({ queryKey: endpointKeys.list, exact: true });
    },
  });
}
