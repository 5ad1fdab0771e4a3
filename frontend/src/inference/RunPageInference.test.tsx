import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunRecord } from "../api/runHooks";
import { RunDetailPage } from "../pages/RunDetailPage";
import { manifest } from "../test/manifest";
import { mockApi } from "../test/mockApi";
import { installReactFlowMocks } from "../test/reactFlowMocks";
import { renderPage } from "../test/renderPage";
import { sampleDocument } from "../test/sampleDocument";

beforeEach(installReactFlowMocks);
afterEach(() => vi.unstubAllGlobals());

const run: RunRecord = {
  run_id: "r1234567890",
  pipeline_name: "credit",
  experiment: "credit",
  status: "completed",
  metrics: {},
  created_at: "2026-11-23T10:00:00+00:00",
  seconds: 3,
  error: null,
  document: sampleDocument,
  parameters: {},
  steps: [],
};

describe("create inference pipeline from the run page", () => {
  it("marks the nodes that cannot be carried on the run's graph", async () => {
    mockApi({
      "GET /api/components": { body: { components: manifest } },
      "GET /api/runs/r1234567890": { body: run },
      "POST /api/runs/r1234567890/inference-pipelines": {
        status: 422,
        body: {
          error: {
            code: "not_derivable",
            message: "Not derivable.",
            details: { problems: [{ node: "split", component: "split_data", reason: "feeds no scored path" }] },
          },
        },
      },
    });
    renderPage(<RunDetailPage />, { path: "/runs/:id", at: "/runs/r1234567890" });
    const button = await screen.findByRole("button", { name: "Create inference pipeline ▾" }, { timeout: 5000 });
    expect(button).toBeEnabled();
    fireEvent.click(button);
    fireEvent.click(screen.getByRole("menuitem", { name: "Real-time" }));
    await waitFor(() => expect(screen.getByTestId("node-split")).toHaveTextContent("feeds no scored path"), { timeout: 5000 });
    expect(screen.getByTestId("node-score")).not.toHaveTextContent("Cannot be carried");
  });
});
