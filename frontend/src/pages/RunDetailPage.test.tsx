import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunRecord } from "../api/runHooks";
import { tableOutput } from "../outputs/reportFixtures";
import { manifest } from "../test/manifest";
import { installReactFlowMocks } from "../test/reactFlowMocks";
import { sampleDocument } from "../test/sampleDocument";
import { RunDetailPage } from "./RunDetailPage";

vi.mock("echarts-for-react/lib/core", () => ({ default: () => <div data-testid="echarts" /> }));

const step = (node_id: string, status: string, extra: Partial<RunRecord["steps"][number]> = {}) => ({
  node_id, status, cached: status === "reused", reason: null, seconds: 1.5, error: null, outputs: {}, ...extra,
});

const run: RunRecord = {
  run_id: "r1234567890",
  pipeline_name: "credit",
  experiment: "credit",
  status: "failed",
  metrics: { auc: 0.91 },
  created_at: "2026-11-23T17:01:16+00:00",
  seconds: 12,
  error: "Step 'score' failed.",
  document: sampleDocument,
  parameters: { seed: 42 },
  steps: [
    step("data", "reused", { reason: "reused: same inputs", outputs: { results_dataset: { port_type: "table" } } }),
    step("split", "completed", { outputs: { results_dataset1: {}, results_dataset2: {} } }),
    step("model", "completed", { seconds: 0.2 }),
    step("train", "completed"),
    step("score", "failed", { error: "Column 'y' is missing." }),
  ],
};

beforeEach(() => {
  installReactFlowMocks();
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      if (url === "/api/components") return Response.json({ components: manifest });
      if (url === "/api/runs/r1234567890") return Response.json(run);
      if (url.startsWith("/api/runs/r1234567890/steps/split/outputs/results_dataset1")) return Response.json(tableOutput);
      return Response.json({ error: { code: "not_found", message: "no" } }, { status: 404 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={["/runs/r1234567890"]}>
        <Routes>
          <Route path="/runs/:id" element={<RunDetailPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("RunDetailPage", () => {
  it("shows the run graph with step statuses, reasons, errors and durations", async () => {
    renderPage();
    expect(await screen.findByTestId("run-status")).toHaveTextContent("Failed");
    expect(screen.getByTestId("node-data")).toHaveAttribute("data-status", "reused");
    expect(screen.getByTestId("node-data")).toHaveAttribute("title", "Reused: reused: same inputs");
    expect(screen.getByTestId("node-data")).toHaveClass("status-reused");
    expect(screen.getByTestId("node-split")).toHaveTextContent("1.5 s");
    expect(screen.getByTestId("node-score")).toHaveAttribute("data-status", "failed");
    expect(screen.getByTestId("node-score")).toHaveTextContent("Column 'y' is missing.");
    expect(screen.getByTestId("run-metric-auc")).toHaveTextContent("0.9100");
  });

  it("opens an output from the node context menu", async () => {
    renderPage();
    const node = await screen.findByTestId("node-split");
    fireEvent.contextMenu(node);
    const menu = screen.getByRole("menu");
    expect(within(menu).getAllByRole("menuitem").map((i) => i.textContent)).toEqual([
      "View output ▸ results_dataset1",
      "View output ▸ results_dataset2",
      "View log",
    ]);
    fireEvent.click(within(menu).getByText("View output ▸ results_dataset1"));
    const dialog = screen.getByRole("dialog", { name: "split ▸ results_dataset1" });
    expect(await within(dialog).findByTestId("output-table")).toHaveTextContent("malignant");
  });

  it("shows the step panel of a clicked node", async () => {
    renderPage();
    fireEvent.click(await screen.findByTestId("node-data"));
    const panel = screen.getByTestId("step-panel-data");
    expect(panel).toHaveTextContent("reused: same inputs");
    expect(within(panel).getByRole("button", { name: "Output: results_dataset" })).toBeInTheDocument();
  });
});
