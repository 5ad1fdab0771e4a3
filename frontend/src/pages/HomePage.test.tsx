import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { HomePage } from "./HomePage";

afterEach(() => vi.unstubAllGlobals());

describe("home page", () => {
  it("shows recent pipelines, runs and datasets", async () => {
    const api = mockApi({
      "GET /api/pipelines": {
        body: { pipelines: [{ id: "credit", name: "credit", description: "", version: 2, nodes: 5, updated_at: "2026-11-23T10:00:00Z" }] },
      },
      "GET /api/runs?limit=5": {
        body: { runs: [{ run_id: "r1", pipeline_name: "credit", status: "succeeded", created_at: "2026-11-23T11:00:00Z", seconds: 4.25 }] },
      },
      "GET /api/datasets": {
        body: { datasets: [{ name: "iris", description: "", latest_version: 1, rows: 150, columns: 5, label: "species", created_at: "2026-11-23T09:00:00Z" }] },
      },
    });
    renderPage(<HomePage />, { path: "/", at: "/" });
    expect(await screen.findByRole("link", { name: "iris" })).toHaveAttribute("href", "/datasets/iris");
    expect(await screen.findByText("v2, 5 nodes")).toBeInTheDocument();
    expect(await screen.findByText(/succeeded/)).toHaveTextContent("credit — succeeded (4.3 s)");
    const links = screen.getAllByRole("link", { name: "credit" }).map((a) => a.getAttribute("href"));
    expect(links).toEqual(["/pipelines/credit", "/runs/r1"]);
    expect(screen.getByRole("button", { name: "New pipeline" })).toBeInTheDocument();
    expect(screen.getByText(/Sample pipelines live in/)).toBeInTheDocument();
    expect(api.calls.map((c) => c.url)).toContain("/api/runs?limit=5");
  });
});
