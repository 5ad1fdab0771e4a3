import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { PipelinesPage } from "./PipelinesPage";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const list = {
  pipelines: [{ id: "credit", name: "credit", description: "Scoring", version: 3, nodes: 7, updated_at: "2026-11-23T10:00:00+00:00" }],
};

function setup() {
  const api = mockApi({
    "GET /api/pipelines": { body: list },
    "POST /api/pipelines/credit/clone": { status: 201, body: { id: "credit-copy" } },
    "DELETE /api/pipelines/credit": { status: 204 },
  });
  renderPage(<PipelinesPage />, { path: "/pipelines", at: "/pipelines" });
  return api;
}

describe("pipelines page", () => {
  it("lists pipelines with version and node count", async () => {
    setup();
    expect(await screen.findByRole("link", { name: "credit" })).toHaveAttribute("href", "/pipelines/credit");
    expect(screen.getByText("Scoring")).toBeInTheDocument();
    expect(screen.getByText("7")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "New pipeline" })).toBeInTheDocument();
  });

  it("clones under a new name", async () => {
    const api = setup();
    fireEvent.click(await screen.findByRole("button", { name: "Clone" }));
    const input = screen.getByLabelText("Name of the copy of credit");
    expect(input).toHaveValue("credit-copy");
    fireEvent.change(input, { target: { value: "credit-v2" } });
    fireEvent.click(screen.getByRole("button", { name: "Clone" }));
    await waitFor(() => expect(api.callsTo("POST /api/pipelines/credit/clone")).toHaveLength(1));
    expect(JSON.parse(api.callsTo("POST /api/pipelines/credit/clone")[0].init.body as string)).toEqual({ name: "credit-v2" });
  });

  it("deletes only after confirming", async () => {
    const api = setup();
    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    fireEvent.click(await screen.findByRole("button", { name: "Delete" }));
    expect(api.callsTo("DELETE /api/pipelines/credit")).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(confirm).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(api.callsTo("DELETE /api/pipelines/credit")).toHaveLength(1));
  });

  it("points to the sample pipelines when there are none", async () => {
    mockApi({ "GET /api/pipelines": { body: { pipelines: [] } } });
    renderPage(<PipelinesPage />, { path: "/pipelines", at: "/pipelines" });
    expect(await screen.findByText(/Sample pipelines live in/)).toBeInTheDocument();
  });
});
