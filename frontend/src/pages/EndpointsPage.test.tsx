import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { endpoint, pipelineEndpoint, schedule } from "../test/endpointFixtures";
import { mockApi, type MockRoute } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { EndpointsPage } from "./EndpointsPage";

afterEach(() => vi.unstubAllGlobals());

function setup(routes: Record<string, MockRoute> = {}) {
  return mockApi({
    "GET /api/endpoints": { body: { endpoints: [endpoint] } },
    "GET /api/pipeline-endpoints": { body: { pipeline_endpoints: [pipelineEndpoint] } },
    "GET /api/pipeline-endpoints/nightly-scoring/runs": {
      body: {
        runs: [
          { run_id: "rnew00000001", status: "failed", created_at: "2026-11-23T02:00:00+00:00", version: 2, trigger: "api" },
          { run_id: "rold00000001", status: "completed", created_at: "2026-11-22T02:00:00+00:00", version: 2, trigger: "schedule" },
        ],
      },
    },
    "GET /api/schedules": { body: { schedules: [schedule, { ...schedule, id: "s2", name: "weekly", paused: true }] } },
    ...routes,
  });
}

const render = () => renderPage(<EndpointsPage />, { path: "/endpoints", at: "/endpoints" });

describe("endpoints page", () => {
  it("lists real-time endpoints, and pipeline endpoints on their tab", async () => {
    setup();
    render();
    const realtime = await screen.findByRole("table", { name: "Real-time endpoints" }, { timeout: 5000 });
    const row = within(realtime).getByRole("row", { name: /credit-rt/ });
    expect(row).toHaveTextContent("healthy");
    expect(row).toHaveTextContent("onnx");
    expect(row).toHaveTextContent("credit-rt:3");
    expect(within(row).getByRole("link", { name: "credit-rt" })).toHaveAttribute("href", "/endpoints/credit-rt");

    fireEvent.click(screen.getByRole("tab", { name: "Pipeline endpoints" }));
    const table = await screen.findByRole("table", { name: "Pipeline endpoints" });
    const pe = within(table).getByRole("row", { name: /nightly-scoring/ });
    expect(pe.querySelectorAll("td")[1]).toHaveTextContent("2");
    expect(pe.querySelectorAll("td")[2]).toHaveTextContent("2");
    await waitFor(() => expect(within(pe).getByRole("link", { name: /2026|11/ })).toHaveAttribute("href", "/runs/rnew00000001"));
  });

  it("pauses and resumes schedules with PATCH, and deletes after confirming", async () => {
    vi.stubGlobal("confirm", vi.fn(() => true));
    const api = setup({
      "PATCH /api/schedules/s1": { body: { ...schedule, paused: true } },
      "PATCH /api/schedules/s2": { body: { ...schedule, id: "s2", paused: false } },
      "DELETE /api/schedules/s2": { status: 204 },
    });
    render();
    const schedules = await screen.findByRole("table", { name: "Schedules" }, { timeout: 5000 });
    expect(within(schedules).getByTestId("schedule-s1")).toHaveTextContent("0 2 * * *");
    fireEvent.click(within(schedules).getByRole("button", { name: "Pause nightly" }));
    await waitFor(() => expect(api.callsTo("PATCH /api/schedules/s1")).toHaveLength(1));
    expect(JSON.parse(String(api.callsTo("PATCH /api/schedules/s1")[0].init.body))).toEqual({ paused: true });
    await waitFor(() => expect(api.callsTo("GET /api/schedules").length).toBeGreaterThan(1)); // list read again

    fireEvent.click(within(schedules).getByRole("button", { name: "Resume weekly" }));
    await waitFor(() => expect(api.callsTo("PATCH /api/schedules/s2")).toHaveLength(1));
    expect(JSON.parse(String(api.callsTo("PATCH /api/schedules/s2")[0].init.body))).toEqual({ paused: false });

    fireEvent.click(within(schedules).getByRole("button", { name: "Delete weekly" }));
    await waitFor(() => expect(api.callsTo("DELETE /api/schedules/s2")).toHaveLength(1));
  });
});
