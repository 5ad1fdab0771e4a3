import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runningJob } from "../test/automlFixtures";
import { penguinsInfo, penguinsProfile } from "../test/datasetFixtures";
import { mockApi, type MockRoute } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { AutoMLNewPage } from "./AutoMLNewPage";

afterEach(() => vi.unstubAllGlobals());

const penguins = { name: "penguins", description: "", latest_version: 2, rows: 344, columns: 4, label: "species", created_at: "2026-11-22T10:00:00Z" };
const houses = { ...penguins, name: "houses", latest_version: 1, label: null };

function setup(submit: MockRoute) {
  return mockApi({
    "GET /api/datasets": { body: { datasets: [penguins, houses] } },
    "GET /api/datasets/penguins": { body: penguinsInfo },
    "GET /api/datasets/penguins/versions/2/profile": { body: { profile: penguinsProfile } },
    "POST /api/automl/jobs": submit,
  });
}

const next = () => fireEvent.click(screen.getByRole("button", { name: "Next" }));
const problem = () => screen.getByTestId("wizard-problem");

/** Steps 1 to 3 done right: penguins, target species (classification suggested), metric f1. */
async function toSettings() {
  renderPage(<AutoMLNewPage />, { path: "/automl/new", at: "/automl/new" });
  fireEvent.click(await screen.findByRole("radio", { name: "penguins" }));
  next();
  const columns = await screen.findByRole("table", { name: "Columns" });
  await within(columns).findByText("Adelie (152), Gentoo (124), Chinstrap (68)");
  fireEvent.click(within(columns).getByRole("radio", { name: "species" }));
  next();
  fireEvent.change(screen.getByLabelText("Primary metric"), { target: { value: "f1" } });
  next();
  return screen.getByRole("group", { name: "Settings" });
}

describe("AutoML wizard", () => {
  it("checks each step before going on", async () => {
    const api = setup({ status: 202, body: runningJob });
    renderPage(<AutoMLNewPage />, { path: "/automl/new", at: "/automl/new" });
    await screen.findByRole("radio", { name: "penguins" });
    next();
    expect(problem()).toHaveTextContent("Choose a dataset.");

    fireEvent.click(screen.getByRole("radio", { name: "penguins" }));
    expect(screen.queryByTestId("wizard-problem")).not.toBeInTheDocument();
    next();
    await screen.findByRole("table", { name: "Columns" });
    next();
    expect(problem()).toHaveTextContent("Choose the target column");

    fireEvent.click(screen.getByRole("radio", { name: "species" }));
    next();
    const classification = screen.getByRole("radio", { name: /classification/ });
    expect(classification).toBeChecked();
    expect(classification.closest("label")).toHaveTextContent("suggested");
    const metrics = () => Array.from((screen.getByLabelText("Primary metric") as HTMLSelectElement).options).map((o) => o.value);
    expect(metrics()).toEqual(["", "auc", "accuracy", "log_loss", "f1", "precision", "recall"]);
    fireEvent.click(screen.getByRole("radio", { name: /regression/ }));
    expect(metrics()).toEqual(["", "r2", "rmse", "mae"]);
    next();

    fireEvent.change(screen.getByLabelText("Time budget (seconds)"), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    expect(problem()).toHaveTextContent("time budget must be a number of seconds above 0");
    fireEvent.change(screen.getByLabelText("Time budget (seconds)"), { target: { value: "30" } });
    fireEvent.change(screen.getByLabelText("Validation"), { target: { value: "holdout" } });
    fireEvent.change(screen.getByLabelText("Holdout fraction"), { target: { value: "1.5" } });
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    expect(problem()).toHaveTextContent("between 0 and 1");
    expect(api.callsTo("POST /api/automl/jobs")).toHaveLength(0);
  });

  it("submits the request body of the REST API and opens the job page", async () => {
    const api = setup({ status: 202, body: { ...runningJob, id: "j9" } });
    const settings = await toSettings();
    fireEvent.change(within(settings).getByLabelText("Time budget (seconds)"), { target: { value: "30" } });
    fireEvent.change(within(settings).getByLabelText("Validation"), { target: { value: "kfold" } });
    fireEvent.change(within(settings).getByLabelText("Folds"), { target: { value: "3" } });
    fireEvent.click(within(settings).getByRole("checkbox", { name: "mlp" }));
    fireEvent.click(within(settings).getByRole("checkbox", { name: "knn" }));
    fireEvent.change(within(settings).getByLabelText("Ensembling"), { target: { value: "stacking" } });
    fireEvent.change(within(settings).getByLabelText("Max trials (empty: no limit)"), { target: { value: "20" } });
    fireEvent.click(screen.getByRole("button", { name: "Run" }));

    expect(await screen.findByTestId("location")).toHaveTextContent("/automl/jobs/j9");
    const [call] = api.callsTo("POST /api/automl/jobs");
    expect(JSON.parse(String(call.init.body))).toEqual({
      dataset: "penguins",
      dataset_version: 2,
      target: "species",
      task: "classification",
      metric: "f1",
      time_budget_s: 30,
      n_jobs: null,
      validation: 3,
      validation_dataset: null,
      allowed_models: null,
      blocked_models: ["knn", "mlp"],
      featurization: "auto",
      ensembling: "stacking",
      trial_timeout_s: null,
      max_trials: 20,
      exit_score: null,
      seed: 0,
      name: null,
      experiment: null,
      register_model: null,
    });
  });

  it("shows the server's message when it refuses the job, and stays on the wizard", async () => {
    setup({ status: 400, body: { error: { code: "invalid_parameter", message: "Metric 'f1' needs two classes; species has 3." } } });
    await toSettings();
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Metric 'f1' needs two classes; species has 3.");
    await waitFor(() => expect(screen.getByRole("button", { name: "Run" })).toBeEnabled());
    expect(screen.queryByTestId("location")).not.toBeInTheDocument();
  });
});
