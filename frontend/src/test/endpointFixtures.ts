/** API answers for the endpoint pages, in the shapes of the REST API. */
import type { Endpoint } from "../api/endpointHooks";
import type { PipelineEndpoint, Schedule } from "../api/pipelineEndpointHooks";

export const SCORING_URI = "http://studio.test:8770/endpoints/credit-rt/score";

export const endpoint: Endpoint = {
  name: "credit-rt",
  kind: "realtime",
  status: "healthy",
  runtime: "onnx",
  runtime_reason: "every step compiles to ONNX",
  pipeline: "credit-real-time",
  training_run_id: "r1234567890",
  model: { name: "credit-rt", version: 3 },
  scoring_uri: SCORING_URI,
  invocations_uri: "http://studio.test:8770/endpoints/credit-rt/invocations",
  swagger_uri: "http://studio.test:8770/endpoints/credit-rt/swagger.json",
  signature: {
    inputs: {
      input1: [
        { name: "age", type: "integer", categorical: false, required: true },
        { name: "income", type: "double", categorical: false, required: true },
        { name: "student", type: "boolean", categorical: false, required: true },
        { name: "city", type: "string", categorical: true, required: true },
      ],
    },
    outputs: { output1: [{ name: "Scored Labels", type: "string" }, { name: "Scored Probabilities", type: "double" }] },
  },
  input_example: {
    Inputs: { input1: [{ age: 35, income: 51000.5, student: false, city: "O'Hare" }] },
    GlobalParameters: {},
  },
  extra_columns: "ignore",
  description: "",
  created_at: "2026-11-23T10:00:00+00:00",
  updated_at: "2026-11-23T10:00:00+00:00",
};

export const keys = { primary_key: "pk-AAAA", secondary_key: "sk-BBBB" };

export const pipelineEndpoint: PipelineEndpoint = {
  name: "nightly-scoring",
  description: "Scores new applications",
  default_version: 2,
  versions: [
    { version: 1, pipeline: "credit-batch", parameters: { output_path: "datastore://a/{run_id}.parquet" }, created_at: "2026-11-20T10:00:00+00:00" },
    {
      version: 2,
      pipeline: "credit-batch-v2",
      parameters: { dataset_name: "applications", dataset_version: 4, output_path: "datastore://credit/{run_id}/scored.parquet" },
      created_at: "2026-11-22T10:00:00+00:00",
    },
  ],
  submit_uri: "http://studio.test:8770/api/pipeline-endpoints/nightly-scoring/submit",
  created_at: "2026-11-20T10:00:00+00:00",
};

export const schedule: Schedule = {
  id: "s1",
  name: "nightly",
  endpoint: "nightly-scoring",
  cron: "0 2 * * *",
  timezone: "UTC",
  parameter_assignments: {},
  experiment_name: "nightly-scoring",
  version: null,
  paused: false,
  next_run_at: "2026-11-24T02:00:00+00:00",
  last_run_at: "2026-11-23T02:00:00+00:00",
  last_run_id: "rlast0000001",
  created_at: "2026-11-20T10:00:00+00:00",
};
