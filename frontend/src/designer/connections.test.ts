import { describe, expect, it } from "vitest";
import { manifest } from "../test/manifest";
import { sampleDocument } from "../test/sampleDocument";
import { checkConnection, isConnectionValid } from "./connections";
import { documentToFlow } from "./document";

const { nodes, edges } = documentToFlow(sampleDocument, manifest);

describe("connection rules", () => {
  it("accepts an output into an input of the same type", () => {
    expect(isConnectionValid(
      { source: "data", sourceHandle: "results_dataset", target: "split", targetHandle: "dataset" }, nodes, [],
    )).toBe(true);
  });

  it("rejects different port types", () => {
    const check = checkConnection(
      { source: "data", sourceHandle: "results_dataset", target: "train", targetHandle: "untrained_model" }, nodes, [],
    );
    expect(check.ok).toBe(false);
    expect(isConnectionValid(
      { source: "model", sourceHandle: "untrained_model", target: "score", targetHandle: "trained_model" }, nodes, [],
    )).toBe(false);
  });

  it("allows at most one edge per input port", () => {
    expect(isConnectionValid(
      { source: "split", sourceHandle: "results_dataset2", target: "train", targetHandle: "dataset" }, nodes, edges,
    )).toBe(false);
  });

  it("allows an output to feed several inputs", () => {
    const withoutScoreData = edges.filter((e) => !(e.target === "score" && e.targetHandle === "dataset"));
    expect(isConnectionValid(
      { source: "split", sourceHandle: "results_dataset1", target: "score", targetHandle: "dataset" }, nodes, withoutScoreData,
    )).toBe(true);
  });

  it("rejects self-loops", () => {
    expect(isConnectionValid(
      { source: "split", sourceHandle: "results_dataset1", target: "split", targetHandle: "dataset" }, nodes, [],
    )).toBe(false);
  });

  it("rejects unknown ports and nodes", () => {
    expect(isConnectionValid({ source: "data", sourceHandle: "nope", target: "split", targetHandle: "dataset" }, nodes, [])).toBe(false);
    expect(isConnectionValid({ source: "ghost", sourceHandle: "x", target: "split", targetHandle: "dataset" }, nodes, [])).toBe(false);
  });
});
