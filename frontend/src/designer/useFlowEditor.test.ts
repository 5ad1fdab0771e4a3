import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { spec } from "../test/manifest";
import { createNode, useFlowEditor } from "./useFlowEditor";

describe("createNode", () => {
  it("creates a node with default params and a unique id", () => {
    const first = createNode(spec("split_data"), { x: 1, y: 2 }, []);
    const second = createNode(spec("split_data"), { x: 0, y: 0 }, [first]);
    expect(first.id).toBe("split_data");
    expect(second.id).toBe("split_data_2");
    expect(first.position).toEqual({ x: 1, y: 2 });
    expect(first.data.componentId).toBe("split_data");
    expect(first.data.params).toEqual(expect.objectContaining({}));
    expect(Object.keys(first.data.params).length).toBeGreaterThan(0);
  });
});

describe("useFlowEditor", () => {
  it("undoes and redoes node additions, connections and param edits", () => {
    const { result } = renderHook(() => useFlowEditor({ nodes: [], edges: [] }));
    act(() => result.current.addComponent(spec("import_data"), { x: 0, y: 0 }));
    act(() => result.current.addComponent(spec("split_data"), { x: 0, y: 100 }));
    act(() =>
      result.current.onConnect({ source: "import_data", sourceHandle: "results_dataset", target: "split_data", targetHandle: "dataset" }),
    );
    act(() => result.current.setParam("import_data", "path", "a"));
    act(() => result.current.setParam("import_data", "path", "ab"));
    expect(result.current.nodes).toHaveLength(2);
    expect(result.current.edges).toHaveLength(1);
    expect(result.current.nodes[0].data.params.path).toBe("ab");

    act(() => result.current.undo()); // both path edits merge into one step
    expect(result.current.nodes[0].data.params.path).toBe("");
    act(() => result.current.undo());
    expect(result.current.edges).toHaveLength(0);
    act(() => result.current.undo());
    expect(result.current.nodes).toHaveLength(1);
    act(() => result.current.redo());
    act(() => result.current.redo());
    expect(result.current.nodes).toHaveLength(2);
    expect(result.current.edges).toHaveLength(1);
    expect(result.current.canRedo).toBe(true);
  });

  it("records deletions via a checkpoint, not selection changes", () => {
    const { result } = renderHook(() => useFlowEditor({ nodes: [], edges: [] }));
    act(() => result.current.addComponent(spec("dataset"), { x: 0, y: 0 }));
    act(() => result.current.onNodesChange([{ type: "select", id: "dataset", selected: true }]));
    act(() => result.current.undo());
    expect(result.current.nodes).toHaveLength(0);
    act(() => result.current.redo());
    act(() => result.current.checkpoint());
    act(() => result.current.onNodesChange([{ type: "remove", id: "dataset" }]));
    expect(result.current.nodes).toHaveLength(0);
    act(() => result.current.undo());
    expect(result.current.nodes).toHaveLength(1);
  });
});
