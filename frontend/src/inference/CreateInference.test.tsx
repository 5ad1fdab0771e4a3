import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunRecord } from "../api/runHooks";
import type { ComponentSpec, PipelineDocument } from "../api/types";
import { DesignerPage } from "../pages/DesignerPage";
import { manifest } from "../test/manifest";
import { mockApi, type MockRoute } from "../test/mockApi";
import { installReactFlowMocks } from "../test/reactFlowMocks";
import { renderPage } from "../test/renderPage";
import { sampleDocument } from "../test/sampleDocument";

beforeEach(installReactFlowMocks);
afterEach(() => vi.unstubAllGlobals());

const savedModelSpec: ComponentSpec = {
  id: "saved_trained_model",
  name: "Saved Trained Model",
  category: "Datasets",
  description: "A trained model kept from a run.",
  version: "1",
  inputs: [],
  outputs: [{ name: "trained_model", type: "trained_model", description: "" }],
  params_schema: { type: "object", properties: {} },
};

const run = (status: string, document: PipelineDocument = sampleDocument): RunRecord => ({
  run_id: "r1234567890",
  pipeline_name: "credit",
  experiment: "credit",
  status,
  metrics: {},
  created_at: "2026-11-23T10:00:00+00:00",
  seconds: 3,
  error: null,
  document,
  parameters: {},
  steps: [],
});

const realtimeDocument: PipelineDocument = {
  schema_version: 1,
  name: "credit-real-time",
  description: "Real-time inference pipeline of run r1234567890 (pipeline 'credit').",
  parameters: {},
  nodes: [
    { id: "data", component: "import_data", params: { path: "x.csv" }, position: { x: 0, y: 0 } },
    { id: "web_service_input", component: "web_service_input", params: { name: "input1", input_schema: [] }, position: { x: 0, y: 120 } },
    { id: "md_train", component: "saved_trained_model", params: { key: "k", content_hash: "h", port_type: "trained_model", source: "run r1234567 · train.trained_model" }, position: { x: 260, y: 120 } },
    { id: "score", component: "score_model", params: {}, position: { x: 130, y: 240 } },
    { id: "web_service_output", component: "web_service_output", params: { name: "output1" }, position: { x: 130, y: 360 } },
  ],
  edges: [
    { from: "data.results_dataset", to: "web_service_input.dataset" },
    { from: "web_service_input.data", to: "score.dataset" },
    { from: "md_train.trained_model", to: "score.trained_model" },
    { from: "score.scored_dataset", to: "web_service_output.data" },
  ],
};

function setup(runStatus: string, routes: Record<string, MockRoute> = {}, document: PipelineDocument = sampleDocument) {
  const api = mockApi({
    ...routes,
    "GET /api/components": { body: { components: [...manifest, savedModelSpec] } },
    "GET /api/pipelines/credit": { body: { id: "credit", document, updated_at: "now" } },
    "GET /api/runs?pipeline=credit&limit=1": { body: { runs: [run(runStatus)] } },
    "GET /api/runs/r1234567890": { body: run(runStatus, document) },
    "GET /api/datasets": { body: { datasets: [] } },
    "GET /api/experiments": { body: { experiments: [] } },
  });
  renderPage(<DesignerPage />, { path: "/pipelines/:id", at: "/pipelines/credit" });
  return api;
}

const createButton = () => screen.findByRole("button", { name: "Create inference pipeline ▾" }, { timeout: 5000 });

describe("create inference pipeline", () => {
  it("is off until the shown run is completed", async () => {
    setup("failed");
    await waitFor(() => expect(screen.getByTestId("run-status")).toHaveTextContent(/failed/i), { timeout: 5000 });
    expect(await createButton()).toBeDisabled();
  });

  it("derives a real-time pipeline, opens it and lists the steps dropped and frozen", async () => {
    const api = setup("completed", {
      "POST /api/runs/r1234567890/inference-pipelines": {
        status: 201,
        body: {
          pipeline: { id: "credit-real-time", document: realtimeDocument, updated_at: "now" },
          kind: "realtime",
          training_run_id: "r1234567890",
          dropped: [{ node: "split", component: "split_data", reason: "splitting is for training only" }],
          frozen: [{ node: "train", component: "train_model", as: "saved_trained_model" }],
          input_schema: [],
        },
      },
      "GET /api/runs?pipeline=credit-real-time&limit=1": { body: { runs: [] } },
      "GET /api/pipelines/credit-real-time": { body: { id: "credit-real-time", document: realtimeDocument, updated_at: "now" } },
    });
    const button = await createButton();
    await waitFor(() => expect(button).toBeEnabled(), { timeout: 5000 });
    fireEvent.click(button);
    fireEvent.click(screen.getByRole("menuitem", { name: "Real-time" }));

    const notice = await screen.findByTestId("inference-notice", {}, { timeout: 5000 });
    expect(JSON.parse(String(api.callsTo("POST /api/runs/r1234567890/inference-pipelines")[0].init.body))).toEqual({
      kind: "realtime",
    });
    expect(notice).toHaveTextContent("Real-time inference pipeline created from run r1234567");
    expect(notice).toHaveTextContent("Dropped: split (split_data: splitting is for training only)");
    expect(notice).toHaveTextContent("Frozen: train (train_model → saved_trained_model)");
    expect(screen.getByLabelText("Pipeline name")).toHaveValue("credit-real-time");
    // the Azure-like nodes render as ordinary nodes, complete and wired
    for (const [id, title] of [
      ["web_service_input", "Web Service Input"],
      ["web_service_output", "Web Service Output"],
      ["md_train", "Saved Trained Model"],
    ]) {
      const node = await screen.findByTestId(`node-${id}`);
      expect(node).toHaveTextContent(title);
      expect(node.querySelector(".component-node-issues")).toBeNull();
    }
    expect(screen.getByTestId("node-md_train")).toHaveTextContent("run r1234567 · train.trained_model");
    expect(screen.getByRole("button", { name: "Deploy" })).toBeInTheDocument();
  });

  it("names each step that cannot be carried, in a list and on its node", async () => {
    setup("completed", {
      "POST /api/runs/r1234567890/inference-pipelines": {
        status: 422,
        body: {
          error: {
            code: "not_derivable",
            message: "The run cannot become an inference pipeline.",
            details: { problems: [{ node: "model", component: "two_class_logistic_regression", reason: "custom learner has no scorer" }] },
          },
        },
      },
    });
    const button = await createButton();
    await waitFor(() => expect(button).toBeEnabled(), { timeout: 5000 });
    fireEvent.click(button);
    fireEvent.click(screen.getByRole("menuitem", { name: "Batch" }));

    const problems = await screen.findByTestId("derive-problems", {}, { timeout: 5000 });
    expect(problems).toHaveTextContent("The run cannot become an inference pipeline.");
    const row = within(problems).getByRole("row", { name: /custom learner/ });
    expect(row).toHaveTextContent("model");
    expect(row).toHaveTextContent("two_class_logistic_regression");
    expect(screen.getByTestId("node-model")).toHaveTextContent("Cannot be carried into inference: custom learner has no scorer");
    expect(screen.getByTestId("node-model")).toHaveClass("has-issues");
  });
});
