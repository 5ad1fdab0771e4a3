/** Shapes of the kumi REST API (prefix /api). */

export type JsonSchema = { [key: string]: unknown };

export interface InputPort {
  name: string;
  type: string;
  optional: boolean;
  description: string;
}

export interface OutputPort {
  name: string;
  type: string;
  description: string;
}

export interface ComponentSpec {
  id: string;
  name: string;
  category: string;
  description: string;
  version: string;
  inputs: InputPort[];
  outputs: OutputPort[];
  params_schema: JsonSchema;
}

export interface DatasetSummary {
  name: string;
  description: string;
  latest_version: number;
  rows: number;
  columns: number;
  created_at: string;
}

export interface DatasetColumn {
  name: string;
  type: string;
  role: string;
  categorical: boolean;
}

export interface DatasetVersion {
  version: number;
  rows: number;
  columns: DatasetColumn[];
  created_at: string;
}

export interface DatasetDetail {
  name: string;
  description: string;
  versions: DatasetVersion[];
}

export interface PipelineNodeDoc {
  id: string;
  component: string;
  params: Record<string, unknown>;
  position?: { x: number; y: number };
  [extra: string]: unknown;
}

export interface PipelineEdgeDoc {
  from: string;
  to: string;
}

export interface PipelineDocument {
  schema_version: number;
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  nodes: PipelineNodeDoc[];
  edges: PipelineEdgeDoc[];
}

export interface PipelineSummary {
  id: string;
  name: string;
  description: string;
  updated_at: string;
}

export interface PipelineRecord {
  id: string;
  document: PipelineDocument;
  updated_at: string;
}

export interface RunSummary {
  run_id: string;
  pipeline_name: string;
  status: string;
  created_at: string;
  seconds: number | null;
}
