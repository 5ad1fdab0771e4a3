import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AutoMLJob } from "../api/automlTypes";
import { endpoint } from "../test/endpointFixtures";
import { completedJob, regressionJob, runningJob, trial } from "../test/automlFixtures";
import { mockApi, type MockRoute } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { AutoMLJobPage } from "./AutoMLJobPage";

vi.mock("echarts-for-react/lib/core", () => ({ default: () => <div data-testid="echarts" /> }));

afterEach(() => vi.unstubAllGlobals());

const render = (id = "j1") => renderPage(<AutoMLJobPage />, { path: "/automl/jobs/:id", at: `/automl/jobs/${id}` });
const jobRoute = (job: AutoMLJob, routes: Record<string, MockRoute> = {}) =>
  mockApi({ [`GET /api/automl/jobs/${job.id}`]: { body: job }, ...routes });

describe("AutoML job page", () => {
  it("polls every second while running, growing the leaderboard, and stops once completed", async () => {
    const answers: AutoMLJob[] = [
      runningJob,
      { ...runningJob, leaderboard: [trial(0, 0.91), trial(1, 0.93, "xgboost")] },
      completedJob,
    ];
    let reads = 0;
    const api = mockApi({ "GET /api/automl/jobs/j1": () => ({ body: answers[Math.min(reads++, answers.length - 1)] }) });
    render();
    expect(await screen.findByTestId("job-status")).toHaveTextContent("Running");
    expect(screen.getByTestId("job-phase")).toHaveTextContent("searching");
    expect(screen.getByRole("progressbar", { name: "Time budget used" })).toHaveAttribute("value", "15");
    expect(within(screen.getByTestId("leaderboard")).getAllByRole("row")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Cancel" })).toBeInTheDocument();

    const second = await screen.findByTestId("trial-1", {}, { timeout: 2500 });
    const rows = within(screen.getByTestId("leaderboard")).getAllByRole("row").slice(1);
    expect(rows[0]).toBe(second); // best (higher auc) first
    expect(second).toHaveTextContent("xgboost");
    expect(second.querySelector("td")).toHaveTextContent("1");

    await waitFor(() => expect(screen.getByTestId("job-status")).toHaveTextContent("Completed"), { timeout: 2500 });
    const callsWhenDone = api.callsTo("GET /api/automl/jobs/j1").length;
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(api.callsTo("GET /api/automl/jobs/j1")).toHaveLength(callsWhenDone);
  }, 10000);

  it("shows the best model, its charts, guardrails, importance and featurization once completed", async () => {
    jobRoute(completedJob);
    render();
    expect(await screen.findByTestId("best-metric")).toHaveTextContent("0.9500");
    expect(screen.getByTestId("best-estimator")).toHaveTextContent("voting_ensemble");
    for (const chart of ["roc", "precision_recall", "lift", "calibration"]) {
      expect(screen.getByTestId(`chart-${chart}`)).toBeInTheDocument();
    }
    expect(screen.queryByTestId("chart-residuals")).not.toBeInTheDocument();
    expect(screen.getByTestId("confusion-matrix")).toHaveTextContent("60");

    const board = screen.getByTestId("leaderboard");
    expect(within(board).getByTestId("trial--1")).toHaveTextContent("ensemble");
    expect(within(board).getByTestId("trial-2")).toHaveAttribute("title", "out of memory");

    expect(within(screen.getByTestId("guardrail-class_balance")).getByText("passed")).toHaveClass("guardrail-passed");
    expect(within(screen.getByTestId("guardrail-missing_values")).getByText("done")).toBeInTheDocument();
    const alerted = screen.getByTestId("guardrail-high_cardinality");
    expect(within(alerted).getByText("alerted")).toHaveClass("guardrail-alerted");
    expect(within(alerted).getByRole("table", { name: "high_cardinality details" })).toHaveTextContent("hashing");

    const importance = within(screen.getByRole("table", { name: "Feature importance" })).getAllByRole("row");
    expect(importance.map((r) => r.querySelector("th")?.textContent)).toEqual(["income", "age"]);
    expect(within(screen.getByRole("table", { name: "Featurization" })).getByText("dropped: identifier")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download script" })).toHaveAttribute("href", "/api/automl/jobs/j1/script");
  });

  it("draws residuals and predicted-vs-true charts for regression", async () => {
    jobRoute(regressionJob);
    render("j2");
    expect(await screen.findByTestId("chart-residuals")).toBeInTheDocument();
    expect(screen.getByTestId("chart-predicted_vs_true")).toBeInTheDocument();
    expect(screen.queryByTestId("chart-roc")).not.toBeInTheDocument();
    expect(screen.queryByTestId("confusion-matrix")).not.toBeInTheDocument();
  });

  it("deploys the best model under the chosen name and opens the endpoint", async () => {
    const api = jobRoute(completedJob, {
      "POST /api/automl/jobs/j1/deploy": { status: 201, body: { ...endpoint, name: "credit-best" } },
    });
    render();
    fireEvent.click(await screen.findByRole("button", { name: "Deploy" }));
    const dialog = screen.getByRole("dialog", { name: "Deploy best model" });
    fireEvent.change(within(dialog).getByLabelText("Endpoint name"), { target: { value: "credit-best" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Deploy" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/endpoints/credit-best");
    const [call] = api.callsTo("POST /api/automl/jobs/j1/deploy");
    expect(JSON.parse(String(call.init.body))).toEqual({ name: "credit-best" });
  });

  it("shows the server's answer when deploying fails", async () => {
    jobRoute(completedJob, {
      "POST /api/automl/jobs/j1/deploy": { status: 409, body: { error: { code: "conflict", message: "Endpoint credit-best exists." } } },
    });
    render();
    fireEvent.click(await screen.findByRole("button", { name: "Deploy" }));
    fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Deploy" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Endpoint credit-best exists.");
  });

  it("makes a designer pipeline from the job and opens it", async () => {
    const api = jobRoute(completedJob, {
      "POST /api/automl/jobs/j1/pipeline": { status: 201, body: { pipeline: { id: "p42", name: "automl-credit-1" } } },
    });
    render();
    fireEvent.click(await screen.findByRole("button", { name: "Use in designer" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/pipelines/p42");
    expect(JSON.parse(String(api.callsTo("POST /api/automl/jobs/j1/pipeline")[0].init.body))).toEqual({ name: null });
  });

  it("cancels a running job", async () => {
    const api = jobRoute(runningJob, {
      "POST /api/automl/jobs/j1/cancel": { body: { ...runningJob, status: "canceled" } },
    });
    render();
    fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.getByTestId("job-status")).toHaveTextContent("Canceled"));
    expect(api.callsTo("POST /api/automl/jobs/j1/cancel")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Deploy" })).not.toBeInTheDocument();
  });

  it("shows why a job failed", async () => {
    jobRoute({ ...runningJob, status: "failed", error: { code: "interrupted", message: "The server restarted; run the job again." } });
    render();
    expect(await screen.findByTestId("job-error")).toHaveTextContent("The server restarted; run the job again. (interrupted)");
  });

  it("reports an unknown job", async () => {
    mockApi({ "GET /api/automl/jobs/nope": { status: 404, body: { error: { code: "not_found", message: "No AutoML job nope." } } } });
    render("nope");
    expect(await screen.findByRole("alert")).toHaveTextContent("No AutoML job nope.");
  });
});
