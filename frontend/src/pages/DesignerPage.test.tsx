import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { manifest } from "../test/manifest";
import { mockApi, type MockRoute } from "../test/mockApi";
import { installReactFlowMocks } from "../test/reactFlowMocks";
import { renderPage } from "../test/renderPage";
import { sampleDocument } from "../test/sampleDocument";
import { DesignerPage } from "./DesignerPage";

beforeEach(installReactFlowMocks);
afterEach(() => vi.unstubAllGlobals());

function setup(create: MockRoute, extra: Record<string, MockRoute> = {}) {
  const api = mockApi({
    ...extra,
    "GET /api/components": { body: { components: manifest } },
    "GET /api/pipelines/credit": { body: { id: "credit", document: { ...sampleDocument, name: "credit" }, updated_at: "now" } },
    "GET /api/runs": { body: { runs: [] } },
    "GET /api/datasets": { body: { datasets: [] } },
    "POST /api/pipelines": create,
  });
  const { router } = renderPage(<DesignerPage />, { path: "/pipelines/:id", at: "/pipelines/credit" });
  return Object.assign(api, { router });
}

describe("designer page", () => {
  it("clones the canvas as it stands under the name asked for, then opens the copy", async () => {
    vi.stubGlobal("prompt", vi.fn(() => "credit-v2"));
    const api = setup({ status: 201, body: { id: "credit-v2", document: sampleDocument, updated_at: "now" } });
    fireEvent.click(await screen.findByRole("button", { name: "Clone" }, { timeout: 5000 }));
    await waitFor(() => expect(api.callsTo("GET /api/pipelines/credit-v2")).toHaveLength(1), { timeout: 5000 }); // the copy opens
    const [call] = api.callsTo("POST /api/pipelines");
    const sent = JSON.parse(String(call.init.body)) as { document: { name: string; nodes: unknown[] } };
    expect(sent.document.name).toBe("credit-v2");
    expect(sent.document.nodes).toHaveLength(sampleDocument.nodes.length);
  });

  it("shows a taken name next to the toolbar and stays on the pipeline", async () => {
    vi.stubGlobal("prompt", vi.fn(() => "credit"));
    const api = setup({ status: 409, body: { error: { code: "conflict", message: "Pipeline 'credit' already exists." } } });
    fireEvent.click(await screen.findByRole("button", { name: "Clone" }, { timeout: 5000 }));
    expect(await screen.findByRole("alert", {}, { timeout: 5000 })).toHaveTextContent("already exists");
    expect(api.callsTo("GET /api/pipelines/credit")).toHaveLength(1);
    expect(screen.getByLabelText("Pipeline name")).toHaveValue("credit");
  });

  it("asks before leaving unsaved changes, and not once they are saved", async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal("confirm", confirm);
    const api = setup(
      { status: 201, body: {} },
      { "PUT /api/pipelines/credit": { body: { id: "credit", document: sampleDocument, updated_at: "now" } } },
    );
    await screen.findByRole("button", { name: "Clone" }, { timeout: 5000 });
    await waitFor(() => expect(screen.queryByTestId("unsaved")).toBeNull(), { timeout: 5000 });
    await act(() => api.router.navigate("/runs")); // nothing changed: leaves without asking
    expect(await screen.findByTestId("location", {}, { timeout: 5000 })).toHaveTextContent("/runs");
    expect(confirm).not.toHaveBeenCalled();

    await act(() => api.router.navigate("/pipelines/credit"));
    fireEvent.click(await screen.findByRole("button", { name: "Auto layout" }, { timeout: 5000 })); // moves nodes
    await act(() => api.router.navigate("/runs"));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("location")).toBeNull(); // stayed

    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByTestId("unsaved")).toHaveTextContent("Unsaved changes");
    expect(await screen.findByText("Saved now", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByTestId("unsaved")).toBeNull();
    expect(api.callsTo("PUT /api/pipelines/credit")).toHaveLength(1);
    await act(() => api.router.navigate("/runs")); // saved: leaves without asking
    expect(await screen.findByTestId("location", {}, { timeout: 5000 })).toHaveTextContent("/runs");
    expect(confirm).toHaveBeenCalledTimes(1);
  });
});
