import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pipelineEndpoint, schedule } from "../test/endpointFixtures";
import { mockApi, type MockRoute } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { PipelineEndpointPage } from "./PipelineEndpointPage";

afterEach(() => vi.unstubAllGlobals());

const base = "/api/pipeline-endpoints/nightly-scoring";

function setup(routes: Record<string, MockRoute> = {}) {
  const api = mockApi({
    [`GET ${base}`]: { body: pipelineEndpoint },
    [`GET ${base}/runs`]: {
      body: { runs: [{ run_id: "rsched000001", experiment: "nightly-scoring", status: "completed", created_at: "2026-11-23T02:00:00+00:00", version: 2, trigger: "schedule" }] },
    },
    "GET /api/schedules": { body: { schedules: [schedule, { ...schedule, id: "s9", name: "other", endpoint: "elsewhere" }] } },
    ...routes,
  });
  renderPage(<PipelineEndpointPage />, { path: "/pipeline-endpoints/:name", at: "/pipeline-endpoints/nightly-scoring" });
  return api;
}

const bodyOf = (call: { init: RequestInit }) => JSON.parse(String(call.init.body)) as Record<string, unknown>;

describe("pipeline endpoint page", () => {
  it("lists versions with the default marked and sets another as default", async () => {
    const api = setup({ [`PATCH ${base}`]: { body: { ...pipelineEndpoint, default_version: 1 } } });
    const versions = await screen.findByRole("table", { name: "Versions" }, { timeout: 5000 });
    expect(within(versions).getByRole("row", { name: /credit-batch-v2/ })).toHaveTextContent("default");
    fireEvent.click(within(versions).getByRole("button", { name: "Set version 1 as default" }));
    await waitFor(() => expect(within(versions).getByRole("row", { name: /^1/ })).toHaveTextContent("default"));
    expect(bodyOf(api.callsTo(`PATCH ${base}`)[0])).toEqual({ default_version: 1 });
  });

  it("submits with Azure's published-pipeline body and links the run", async () => {
    const api = setup({
      [`POST ${base}/submit`]: { status: 202, body: { Id: "rnew00000001", run_id: "rnew00000001", status: "queued", status_uri: "/api/runs/rnew00000001" } },
    });
    const form = await screen.findByRole("form", { name: "Submit run" }, { timeout: 5000 });
    expect(within(form).getByLabelText("Parameter dataset_version")).toHaveValue("4");
    fireEvent.change(within(form).getByLabelText("Parameter dataset_version"), { target: { value: "5" } });
    fireEvent.change(within(form).getByLabelText("Experiment name"), { target: { value: "scoring-nov" } });
    fireEvent.click(within(form).getByRole("button", { name: "Submit" }));
    const link = await within(form).findByRole("link", { name: "rnew0000" });
    expect(link).toHaveAttribute("href", "/runs/rnew00000001");
    expect(bodyOf(api.callsTo(`POST ${base}/submit`)[0])).toEqual({
      ExperimentName: "scoring-nov",
      ParameterAssignments: {
        dataset_name: "applications",
        dataset_version: 5,
        output_path: "datastore://credit/{run_id}/scored.parquet",
      },
    });
  });

  it("submits an older version with its own parameters and names it", async () => {
    const api = setup({ [`POST ${base}/submit`]: { status: 202, body: { Id: "r2", run_id: "r2", status: "queued", status_uri: "" } } });
    const form = await screen.findByRole("form", { name: "Submit run" }, { timeout: 5000 });
    fireEvent.change(within(form).getByLabelText("Version"), { target: { value: "1" } });
    expect(within(form).queryByLabelText("Parameter dataset_name")).toBeNull();
    fireEvent.click(within(form).getByRole("button", { name: "Submit" }));
    await waitFor(() => expect(api.callsTo(`POST ${base}/submit`)).toHaveLength(1));
    expect(bodyOf(api.callsTo(`POST ${base}/submit`)[0])).toEqual({
      ExperimentName: "nightly-scoring",
      ParameterAssignments: { output_path: "datastore://a/{run_id}.parquet" },
      Version: 1,
    });
  });

  it("shows the runs it started and only its own schedules", async () => {
    setup();
    const runs = await screen.findByRole("table", { name: "Runs triggered" }, { timeout: 5000 });
    expect(within(runs).getByRole("row", { name: /rsched00/ })).toHaveTextContent("schedule");
    const schedules = await screen.findByRole("table", { name: "Schedules" });
    expect(within(schedules).getByTestId("schedule-s1")).toBeInTheDocument();
    expect(within(schedules).queryByTestId("schedule-s9")).toBeNull();
  });

  it("creates a schedule with a cron and parameter assignments", async () => {
    const api = setup({ [`POST ${base}/schedules`]: { status: 201, body: { ...schedule, id: "s3", name: "hourly" } } });
    const form = await screen.findByRole("form", { name: "Create schedule" }, { timeout: 5000 });
    expect(within(form).getByText(/minute hour day-of-month month day-of-week/)).toBeInTheDocument();
    fireEvent.change(within(form).getByLabelText("Schedule name"), { target: { value: "hourly" } });
    fireEvent.change(within(form).getByLabelText("Cron"), { target: { value: "0 * * * *" } });
    fireEvent.change(within(form).getByLabelText("Parameter dataset_name"), { target: { value: "fresh" } });
    fireEvent.click(within(form).getByRole("button", { name: "Create schedule" }));
    await waitFor(() => expect(api.callsTo(`POST ${base}/schedules`)).toHaveLength(1));
    expect(bodyOf(api.callsTo(`POST ${base}/schedules`)[0])).toEqual({
      name: "hourly",
      cron: "0 * * * *",
      experiment_name: "nightly-scoring",
      parameter_assignments: {
        dataset_name: "fresh",
        dataset_version: 4,
        output_path: "datastore://credit/{run_id}/scored.parquet",
      },
    });
  });
});
