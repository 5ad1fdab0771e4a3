import { describe, expect, it } from "vitest";
import type { PipelineDocument } from "../api/types";
import { manifest } from "../test/manifest";
import { sampleDocument } from "../test/sampleDocument";
import { documentToFlow, flowToDocument } from "./document";

describe("document ⇄ flow", () => {
  it("round-trips a pipeline document", () => {
    const { nodes, edges, meta } = documentToFlow(sampleDocument, manifest);
    expect(flowToDocument(nodes, edges, meta)).toEqual(sampleDocument);
  });

  it("maps nodes and edges to React Flow objects", () => {
    const { nodes, edges } = documentToFlow(sampleDocument, manifest);
    expect(nodes).toHaveLength(5);
    expect(nodes[0]).toMatchObject({ id: "data", type: "component", position: { x: 0, y: 0 } });
    expect(nodes[0].data.spec?.id).toBe("import_data");
    expect(edges[0]).toMatchObject({ source: "data", sourceHandle: "results_dataset", target: "split", targetHandle: "dataset" });
  });

  it("keeps unknown components and unknown node fields", () => {
    const doc: PipelineDocument = {
      ...sampleDocument,
      nodes: [{ id: "x", component: "not_in_manifest", params: { a: 1 }, position: { x: 5, y: 6 }, comment: "hi" }],
      edges: [],
    };
    const { nodes, edges, meta } = documentToFlow(doc, manifest);
    expect(nodes[0].data.spec).toBeUndefined();
    expect(flowToDocument(nodes, edges, meta)).toEqual(doc);
  });

  it("does not share params objects with the document", () => {
    const { nodes } = documentToFlow(sampleDocument, manifest);
    expect(nodes[0].data.params).not.toBe(sampleDocument.nodes[0].params);
  });

  it("gives positionless nodes a position", () => {
    const doc: PipelineDocument = { ...sampleDocument, nodes: [{ id: "a", component: "dataset", params: {} }], edges: [] };
    const { nodes } = documentToFlow(doc, manifest);
    expect(nodes[0].position).toEqual({ x: 0, y: 0 });
  });
});

describe("documentToFlow positions", () => {
  it("reads missing coordinates as 0", () => {
    const doc = {
      schema_version: 1, name: "p", description: "", parameters: {},
      nodes: [
        { id: "a", component: "split_data", params: {}, position: {} as { x: number; y: number } },
        { id: "b", component: "split_data", params: {}, position: { y: 120 } as { x: number; y: number } },
      ],
      edges: [],
    };
    expect(documentToFlow(doc, []).nodes.map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 0, y: 120 }]);
  });
});
