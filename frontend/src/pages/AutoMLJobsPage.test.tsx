import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { completedJob, runningJob } from "../test/automlFixtures";
import { mockApi } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { AutoMLJobsPage } from "./AutoMLJobsPage";

afterEach(() => vi.unstubAllGlobals());

describe("AutoML jobs page", () => {
  it("lists jobs with status and best model, linking to each job and to the wizard", async () => {
    mockApi({ "GET /api/automl/jobs": { body: { jobs: [{ ...runningJob, id: "j2", name: "automl-credit-2" }, completedJob] } } });
    renderPage(<AutoMLJobsPage />, { path: "/automl", at: "/automl" });
    const table = await screen.findByRole("table", { name: "AutoML jobs" });
    const done = within(table).getByTestId("automl-job-j1");
    expect(within(done).getByRole("link", { name: "automl-credit-1" })).toHaveAttribute("href", "/automl/jobs/j1");
    expect(done).toHaveTextContent("Completed");
    expect(done).toHaveTextContent("voting_ensemble 0.9500");
    expect(within(table).getByTestId("automl-job-j2")).toHaveTextContent("Running");
    expect(screen.getByRole("link", { name: "New AutoML job" })).toHaveAttribute("href", "/automl/new");
  });

  it("invites to start a job when there is none", async () => {
    mockApi({ "GET /api/automl/jobs": { body: { jobs: [] } } });
    renderPage(<AutoMLJobsPage />, { path: "/automl", at: "/automl" });
    expect(await screen.findByText(/No AutoML jobs yet/)).toBeInTheDocument();
  });
});
