import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { manifest } from "../test/manifest";
import { mockApi, type MockRoute } from "../test/mockApi";
import { installReactFlowMocks } from "../test/reactFlowMocks";
import { renderPage } from "../test/renderPage";
import { sampleDocument } from "../test/sampleDocument";
import { DesignerPage } from "./DesignerPage";

beforeEach(installReactFlowMocks);
afterEach(() => vi.unstubAllGlobals());

function setup(create: MockRoute) {
  const api = mockApi({
    "GET /api/components": { body: { components: manifest } },
    "GET /api/pipelines/credit": { body: { id: "credit", document: { ...sampleDocument, name: "credit" }, updated_at: "now" } },
    "GET /api/runs": { body: { runs: [] } },
    "GET /api/datasets": { body: { datasets: [] } },
    "POST /api/pipelines": create,
  });
  renderPage(<DesignerPage />, { path: "/pipelines/:id", at: "/pipelines/credit" });
  return api;
}

describe("designer page", () => {
  it("clones the canvas as it stands under the name asked for, then opens the copy", async () => {
    vi.stubGlobal("prompt", vi.fn(() => "credit-v2"));
    const api = setup({ status: 201, body: { id: "credit-v2", document: sampleDocument, updated_at: "now" } });
    fireEvent.click(await screen.findByRole("button", { name: "Clone" }));
    await waitFor(() => expect(api.callsTo("GET /api/pipelines/credit-v2")).toHaveLength(1)); // the copy opens
    const [call] = api.callsTo("POST /api/pipelines");
    const sent = JSON.parse(String(call.init.body)) as { document: { name: string; nodes: unknown[] } };
    expect(sent.document.name).toBe("credit-v2");
    expect(sent.document.nodes).toHaveLength(sampleDocument.nodes.length);
  });

  it("shows a taken name next to the toolbar and stays on the pipeline", async () => {
    vi.stubGlobal("prompt", vi.fn(() => "credit"));
    const api = setup({ status: 409, body: { error: { code: "conflict", message: "Pipeline 'credit' already exists." } } });
    fireEvent.click(await screen.findByRole("button", { name: "Clone" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("already exists");
    expect(api.callsTo("GET /api/pipelines/credit")).toHaveLength(1);
    expect(screen.getByLabelText("Pipeline name")).toHaveValue("credit");
  });
});
