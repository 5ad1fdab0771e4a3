import { describe, expect, it } from "vitest";
import { manifest } from "../test/manifest";
import { sampleDocument } from "../test/sampleDocument";
import { documentToFlow } from "./document";
import { layeredLayout } from "./layout";

describe("layeredLayout", () => {
  it("places every node below its predecessors", () => {
    const { nodes, edges } = documentToFlow(sampleDocument, manifest);
    const laid = layeredLayout(nodes, edges);
    const y = new Map(laid.map((n) => [n.id, n.position.y]));
    for (const e of edges) expect(y.get(e.target)!).toBeGreaterThan(y.get(e.source)!);
    expect(y.get("data")).toBe(0);
    expect(y.get("model")).toBe(0);
  });

  it("survives cycles", () => {
    const { nodes } = documentToFlow(sampleDocument, manifest);
    const cyclic = [
      { id: "a", source: "split", sourceHandle: "results_dataset1", target: "data", targetHandle: "x" },
      { id: "b", source: "data", sourceHandle: "results_dataset", target: "split", targetHandle: "dataset" },
    ];
    expect(layeredLayout(nodes, cyclic)).toHaveLength(nodes.length);
  });
});
