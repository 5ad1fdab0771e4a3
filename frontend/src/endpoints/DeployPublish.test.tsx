import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PipelineDocument } from "../api/types";
import { DesignerPage } from "../pages/DesignerPage";
import { pipelineEndpoint } from "../test/endpointFixtures";
import { manifest } from "../test/manifest";
import { mockApi, type MockRoute } from "../test/mockApi";
import { installReactFlowMocks } from "../test/reactFlowMocks";
import { renderPage } from "../test/renderPage";
import { sampleDocument } from "../test/sampleDocument";

beforeEach(installReactFlowMocks);
afterEach(() => vi.unstubAllGlobals());

const realtime: PipelineDocument = {
  ...sampleDocument,
  name: "Credit Real-time",
  nodes: [
    ...sampleDocument.nodes,
    { id: "web_service_input", component: "web_service_input", params: { name: "input1" }, position: { x: 400, y: 0 } },
  ],
};

function setup(document: PipelineDocument, routes: Record<string, MockRoute> = {}) {
  const api = mockApi({
    ...routes,
    "GET /api/components": { body: { components: manifest } },
    "GET /api/pipelines/credit": { body: { id: "credit", document, updated_at: "now" } },
    "GET /api/runs": { body: { runs: [] } },
    "GET /api/datasets": { body: { datasets: [] } },
  });
  renderPage(<DesignerPage />, { path: "/pipelines/:id", at: "/pipelines/credit" });
  return api;
}

const bodyOf = (call: { init: RequestInit }) => JSON.parse(String(call.init.body)) as Record<string, unknown>;

describe("deploy and publish from the designer", () => {
  it("offers Deploy only for a real-time inference pipeline", async () => {
    setup(sampleDocument);
    await screen.findByRole("button", { name: "Publish" }, { timeout: 5000 });
    expect(screen.queryByRole("button", { name: "Deploy" })).toBeNull();
  });

  it("deploys the pipeline under the name given, then opens the endpoint page", async () => {
    const api = setup(realtime, { "POST /api/endpoints": { status: 201, body: { name: "credit-scoring" } } });
    fireEvent.click(await screen.findByRole("button", { name: "Deploy" }, { timeout: 5000 }));
    const dialog = screen.getByRole("dialog", { name: "Deploy real-time endpoint" });
    expect(screen.getByLabelText("Endpoint name")).toHaveValue("credit");
    fireEvent.change(screen.getByLabelText("Endpoint name"), { target: { value: "credit-scoring" } });
    fireEvent.change(screen.getByLabelText("Endpoint description"), { target: { value: "Scores applications" } });
    fireEvent.change(screen.getByLabelText("Extra columns in requests"), { target: { value: "reject" } });
    fireEvent.submit(dialog);
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/endpoints/credit-scoring"), { timeout: 5000 });
    expect(bodyOf(api.callsTo("POST /api/endpoints")[0])).toEqual({
      name: "credit-scoring",
      pipeline: "credit",
      description: "Scores applications",
      extra_columns: "reject",
    });
    expect(api.callsTo("PUT /api/pipelines/credit")).toHaveLength(0); // nothing unsaved: not saved again
  });

  it("shows why a deployment was refused and stays", async () => {
    setup(realtime, {
      "POST /api/endpoints": { status: 409, body: { error: { code: "conflict", message: "Endpoint 'credit' already exists." } } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Deploy" }, { timeout: 5000 }));
    fireEvent.submit(screen.getByRole("dialog", { name: "Deploy real-time endpoint" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("already exists");
    expect(screen.queryByTestId("location")).toBeNull();
  });

  it("publishes as a new version of an existing pipeline endpoint", async () => {
    const api = setup(sampleDocument, {
      "GET /api/pipeline-endpoints": { body: { pipeline_endpoints: [pipelineEndpoint] } },
      "POST /api/pipeline-endpoints": { status: 201, body: pipelineEndpoint },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Publish" }, { timeout: 5000 }));
    const select = screen.getByLabelText("Pipeline endpoint");
    await screen.findByRole("option", { name: "nightly-scoring" });
    fireEvent.change(select, { target: { value: "nightly-scoring" } });
    expect(screen.queryByLabelText("New endpoint name")).toBeNull();
    fireEvent.click(screen.getByLabelText(/Set as default/));
    fireEvent.submit(screen.getByRole("dialog", { name: "Publish pipeline" }));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/pipeline-endpoints/nightly-scoring"), {
      timeout: 5000,
    });
    expect(bodyOf(api.callsTo("POST /api/pipeline-endpoints")[0])).toEqual({
      name: "nightly-scoring",
      pipeline: "credit",
      description: "",
      set_default: false,
    });
  });
});
