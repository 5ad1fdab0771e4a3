import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { penguinsProfile } from "../test/datasetFixtures";
import { mockApi } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { OutputViewer } from "./OutputViewer";

vi.mock("echarts-for-react", () => ({ default: () => <div data-testid="echart" /> }));

afterEach(() => vi.unstubAllGlobals());

const base = "/api/runs/r1/steps/score/outputs";

describe("OutputViewer", () => {
  it("shows a table's rows, and its profile on demand", async () => {
    const api = mockApi({
      [`GET ${base}/scored_dataset`]: {
        body: { type: "table", columns: [{ name: "species", type: "string", role: "feature" }], rows: [{ species: "Adelie" }] },
      },
      [`GET ${base}/scored_dataset/profile`]: { body: { profile: penguinsProfile } },
    });
    renderPage(<OutputViewer runId="r1" nodeId="score" port="scored_dataset" />, { path: "/", at: "/" });
    expect(await screen.findByText("Adelie")).toBeInTheDocument();
    expect(api.callsTo(`GET ${base}/scored_dataset/profile`)).toHaveLength(0);
    fireEvent.click(screen.getByRole("tab", { name: "Profile" }));
    expect(await screen.findByTestId("output-profile")).toBeInTheDocument();
    expect(api.callsTo(`GET ${base}/scored_dataset/profile`)).toHaveLength(1);
  });

  it("offers no profile for an evaluation report", async () => {
    mockApi({
      [`GET ${base}/evaluation_results`]: {
        body: { type: "evaluation_report", report: { task: "binary", metrics: { auc: 0.9 }, charts: {}, compared: null } },
      },
    });
    renderPage(<OutputViewer runId="r1" nodeId="score" port="evaluation_results" />, { path: "/", at: "/" });
    expect(await screen.findByTestId("metric-auc")).toBeInTheDocument();
    expect(screen.queryByRole("tab", { name: "Profile" })).toBeNull();
  });
});
