import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen } from "@testing-library/react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { PipelineDocument } from "../api/types";
import { manifest } from "../test/manifest";
import { installReactFlowMocks } from "../test/reactFlowMocks";
import { sampleDocument } from "../test/sampleDocument";
import { DesignerCanvas } from "./DesignerCanvas";

beforeAll(() => {
  installReactFlowMocks();
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ error: { code: "x", message: "offline" } }), { status: 503 })));
});

function renderDesigner(document: PipelineDocument, saveError: string | null = null) {
  const onSave = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const utils = render(
    <QueryClientProvider client={client}>
      <div style={{ width: 1000, height: 800 }}>
        <DesignerCanvas manifest={manifest} document={document} onSave={onSave} saveError={saveError} />
      </div>
    </QueryClientProvider>,
  );
  return { ...utils, onSave };
}

describe("DesignerCanvas", () => {
  it("renders the nodes with typed port handles", () => {
    const { container } = renderDesigner(sampleDocument);
    expect(container.querySelector(".react-flow__node .component-node-title")).toHaveTextContent("Import Data");
    const train = container.querySelector('.react-flow__node[data-id="train"]')!;
    const inputs = [...train.querySelectorAll(".react-flow__handle.target")].map((h) => [
      h.getAttribute("data-handleid"),
      h.getAttribute("data-port-type"),
    ]);
    expect(inputs).toEqual([
      ["untrained_model", "untrained_model"],
      ["dataset", "table"],
    ]);
    const outputs = [...train.querySelectorAll(".react-flow__handle.source")].map((h) => h.getAttribute("title"));
    expect(outputs).toEqual(["trained_model: trained_model"]);
  });

  it("shows unconnected required inputs on the node", () => {
    const doc = { ...sampleDocument, edges: [] };
    const { container } = renderDesigner(doc);
    const score = container.querySelector('.react-flow__node[data-id="score"]')!;
    expect(score.textContent).toContain('Input "trained_model" is not connected.');
  });

  it("saves the document under its own name (renaming is cloning)", () => {
    const { onSave } = renderDesigner(sampleDocument);
    const name = screen.getByLabelText("Pipeline name") as HTMLInputElement;
    expect(name.readOnly).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSave).toHaveBeenCalledWith(sampleDocument);
  });

  it("shows the save error next to the button", () => {
    renderDesigner(sampleDocument, "Invalid pipeline (invalid_pipeline)");
    expect(screen.getByRole("alert")).toHaveTextContent("Invalid pipeline");
  });

  it("lists the palette with Datasets first", () => {
    const { container } = renderDesigner(sampleDocument);
    const categories = [...container.querySelectorAll(".palette-group summary")].map((s) => s.textContent);
    expect(categories[0]).toBe("Datasets");
    fireEvent.change(screen.getByLabelText("Search components"), { target: { value: "score_model" } });
    expect([...container.querySelectorAll(".palette-item")].map((i) => i.textContent)).toEqual(["Score Model"]);
  });

  it("edits the parameters of the selected node", () => {
    const { container, onSave } = renderDesigner(sampleDocument);
    fireEvent.click(container.querySelector('.react-flow__node[data-id="data"]')!);
    fireEvent.change(screen.getByLabelText("Path"), { target: { value: "y.csv" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const saved = onSave.mock.calls[0][0] as PipelineDocument;
    expect(saved.nodes[0].params.path).toBe("y.csv");
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect((onSave.mock.calls[1][0] as PipelineDocument).nodes[0].params.path).toBe("x.csv");
  });

  it("creates nodes with unique ids and default params when components are dropped", () => {
    const { container, onSave } = renderDesigner({ ...sampleDocument, nodes: [], edges: [] });
    const canvas = screen.getByTestId("designer-canvas");
    const drop = (id: string) =>
      fireEvent.drop(canvas, { clientX: 100, clientY: 100, dataTransfer: { getData: () => id } });
    drop("split_data");
    drop("split_data");
    drop("not_a_component");
    const ids = [...container.querySelectorAll(".react-flow__node")].map((n) => n.getAttribute("data-id"));
    expect(ids).toEqual(["split_data", "split_data_2"]);
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const saved = onSave.mock.calls[0][0] as PipelineDocument;
    expect(saved.nodes.map((n) => n.component)).toEqual(["split_data", "split_data"]);
    expect(Object.keys(saved.nodes[0].params).length).toBeGreaterThan(0);
    fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    expect(container.querySelectorAll(".react-flow__node")).toHaveLength(1);
    fireEvent.keyDown(window, { key: "Z", ctrlKey: true, shiftKey: true });
    expect(container.querySelectorAll(".react-flow__node")).toHaveLength(2);
  });

  it("drops a registered dataset as a dataset node named after it, its name preset", () => {
    const { container, onSave } = renderDesigner({ ...sampleDocument, nodes: [], edges: [] });
    const canvas = screen.getByTestId("designer-canvas");
    const payload: Record<string, string> = {
      "application/kumi-component": "dataset",
      "application/kumi-params": JSON.stringify({ name: "my.customers" }),
    };
    const drop = () =>
      fireEvent.drop(canvas, { clientX: 50, clientY: 50, dataTransfer: { getData: (mime: string) => payload[mime] ?? "" } });
    drop();
    drop();
    const ids = [...container.querySelectorAll(".react-flow__node")].map((n) => n.getAttribute("data-id"));
    expect(ids).toEqual(["my_customers", "my_customers_2"]);
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const saved = onSave.mock.calls[0][0] as PipelineDocument;
    expect(saved.nodes.map((n) => [n.component, n.params.name])).toEqual([
      ["dataset", "my.customers"],
      ["dataset", "my.customers"],
    ]);
  });
});
