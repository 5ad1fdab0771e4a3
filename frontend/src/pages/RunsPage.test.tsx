import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RunsPage } from "./RunsPage";

const runs = [
  {
    run_id: "8ae48489105044eda810ed4d519fc255", pipeline_name: "breast-cancer-diagnosis", experiment: "baseline",
    status: "completed", metrics: { accuracy: 0.9707, auc: 0.996 }, created_at: "2026-11-23T17:01:16+00:00", seconds: 11.8, error: null,
  },
  {
    run_id: "5f380e50ad3b4b8c84b56162e4378b30", pipeline_name: "diabetes-progression", experiment: "exp-x",
    status: "failed", metrics: {}, created_at: "2026-11-23T17:01:37+00:00", seconds: 2.4, error: "Step 'train' failed.",
  },
];

beforeEach(() => vi.stubGlobal("fetch", vi.fn(async () => Response.json({ runs }))));
afterEach(() => vi.unstubAllGlobals());

describe("RunsPage", () => {
  it("lists runs with status badges, metrics and links", async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <RunsPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const row = await screen.findByTestId("run-row-8ae48489105044eda810ed4d519fc255");
    expect(within(row).getByRole("link", { name: "8ae48489" })).toHaveAttribute("href", "/runs/8ae48489105044eda810ed4d519fc255");
    expect(within(row).getByText("Completed")).toHaveClass("status-badge", "status-completed");
    expect(row).toHaveTextContent("accuracy 0.971, auc 0.996");
    expect(row).toHaveTextContent("11.8 s");
    const failed = screen.getByTestId("run-row-5f380e50ad3b4b8c84b56162e4378b30");
    expect(within(failed).getByText("Failed")).toHaveClass("status-failed");
    expect(within(failed).getByText("Failed").parentElement).toHaveAttribute("title", "Step 'train' failed.");
  });
});
