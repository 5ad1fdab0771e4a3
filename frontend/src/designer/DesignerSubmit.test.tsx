import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { manifest } from "../test/manifest";
import { installReactFlowMocks } from "../test/reactFlowMocks";
import { sampleDocument } from "../test/sampleDocument";
import { DesignerCanvas } from "./DesignerCanvas";

type Call = { method: string; url: string; body: unknown };

function mockApi(postRuns: () => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? "GET";
      calls.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url === "/api/experiments") return Response.json({ experiments: [{ name: "baseline", description: "", created_at: "" }] });
      if (method === "PUT") return Response.json({ id: "credit", document: sampleDocument, updated_at: "now" });
      if (method === "POST" && url === "/api/runs") return postRuns();
      return Response.json({ error: { code: "not_found", message: "no" } }, { status: 404 });
    }),
  );
  return calls;
}

function renderDesigner() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <div style={{ width: 1000, height: 800 }}>
          <DesignerCanvas manifest={manifest} document={sampleDocument} onSave={vi.fn()} pipelineId="credit" />
        </div>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const queuedRun = {
  run_id: "abcdef123456", pipeline_name: "credit", experiment: "baseline", status: "queued", metrics: {},
  created_at: "", seconds: null, error: null, document: sampleDocument, parameters: { seed: 7 }, steps: [],
};

beforeEach(installReactFlowMocks);
afterEach(() => vi.unstubAllGlobals());

describe("opening the designer", () => {
  it("shows the pipeline's newest run on its nodes (as after a page reload)", async () => {
    const finished = {
      ...queuedRun,
      status: "completed",
      steps: [{ node_id: "train", component_id: "train_model", status: "completed", cached: false, reason: null, seconds: 1.5, outputs: {}, error: null }],
    };
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => {
        if (url === "/api/runs?pipeline=credit&limit=1") return Response.json({ runs: [finished] });
        if (url === "/api/runs/abcdef123456") return Response.json(finished);
        return Response.json({ error: { code: "not_found", message: "no" } }, { status: 404 });
      }),
    );
    const { container } = renderDesigner();
    await waitFor(() => expect(screen.getByTestId("run-status")).toHaveAttribute("data-status", "completed"));
    expect(container.querySelector('[data-testid="node-train"]')).toHaveAttribute("data-status", "completed");
  });
});

describe("submitting from the designer", () => {
  it("saves the pipeline, then posts the run with the chosen experiment and parameters", async () => {
    const calls = mockApi(() => Response.json(queuedRun, { status: 201 }));
    renderDesigner();
    fireEvent.click(screen.getByTestId("submit-run"));
    const dialog = screen.getByRole("dialog", { name: "Submit run" });
    expect(within(dialog).getByLabelText("New experiment name")).toHaveValue("credit");
    expect(within(dialog).getByLabelText("Parameter seed")).toHaveValue("42");
    await screen.findByRole("option", { name: "baseline" });
    fireEvent.change(within(dialog).getByLabelText("Experiment"), { target: { value: "baseline" } });
    fireEvent.change(within(dialog).getByLabelText("Parameter seed"), { target: { value: "7" } });
    fireEvent.click(screen.getByTestId("submit-confirm"));

    await waitFor(() => expect(screen.getByTestId("run-status")).toHaveTextContent("Queued"));
    const writes = calls.filter((c) => c.method !== "GET");
    expect(writes.map((c) => `${c.method} ${c.url}`)).toEqual(["PUT /api/pipelines/credit", "POST /api/runs"]);
    expect(writes[0].body).toEqual({ document: sampleDocument });
    expect(writes[1].body).toEqual({ pipeline: "credit", experiment: "baseline", parameters: { seed: 7 } });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByRole("button", { name: "Cancel" })).toBeInTheDocument();
  });

  it("shows invalid_pipeline problems in the dialog and on their nodes", async () => {
    mockApi(() =>
      Response.json(
        {
          error: {
            code: "invalid_pipeline",
            message: "The pipeline is not valid: 1 problem",
            details: {
              problems: [{ code: "bad_param", message: "Parameter 'label_column' names no column.", node: "train", parameter: "label_column", severity: "error" }],
            },
          },
        },
        { status: 422 },
      ),
    );
    const { container } = renderDesigner();
    fireEvent.click(screen.getByTestId("submit-run"));
    fireEvent.click(screen.getByTestId("submit-confirm"));
    const alert = await within(screen.getByRole("dialog")).findByRole("alert");
    expect(alert).toHaveTextContent("The pipeline is not valid: 1 problem (invalid_pipeline)");
    expect(alert).toHaveTextContent("train: Parameter 'label_column' names no column.");
    await waitFor(() =>
      expect(container.querySelector('[data-testid="node-train"]')).toHaveTextContent("Parameter 'label_column' names no column."),
    );
  });

  it("has a stable test id and no status on nodes before any run", () => {
    mockApi(() => Response.json(queuedRun));
    renderDesigner();
    expect(screen.getByTestId("node-train")).toHaveAttribute("data-status", "none");
    expect(screen.getByTestId("palette-item-train_model")).toBeInTheDocument();
  });
});
