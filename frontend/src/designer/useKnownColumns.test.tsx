import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { manifest } from "../test/manifest";
import { installReactFlowMocks } from "../test/reactFlowMocks";
import { sampleDocument } from "../test/sampleDocument";
import { DesignerCanvas } from "./DesignerCanvas";
import { serverColumns, type ColumnsAnswer } from "./useKnownColumns";

const answer: ColumnsAnswer = {
  nodes: {
    train: { inputs: { dataset: [{ name: "age" }, { name: "churned" }] }, parameters: { label_column: "dataset" } },
    split: { inputs: {}, parameters: { stratification_key_column: "dataset" } },
  },
};

beforeEach(() => installReactFlowMocks());
afterEach(() => vi.unstubAllGlobals());

describe("serverColumns", () => {
  it("gives the columns of the input a parameter names, undefined where unknown", () => {
    expect(serverColumns(answer, "train", "label_column")).toEqual(["age", "churned"]);
    expect(serverColumns(answer, "split", "stratification_key_column")).toBeUndefined();
    expect(serverColumns(answer, "train", "other")).toBeUndefined();
    expect(serverColumns(undefined, "train", "label_column")).toBeUndefined();
  });
});

describe("column widgets in the designer", () => {
  it("offer the columns the server knows at the selected node, asked without positions", async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init?: RequestInit) => {
        if (String(url).endsWith("/api/pipelines/columns")) {
          bodies.push(JSON.parse(String(init?.body)));
          return new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
        }
        return new Response(JSON.stringify({ error: { code: "x", message: "offline" } }), { status: 503 });
      }),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { container } = render(
      <QueryClientProvider client={client}>
        <div style={{ width: 1000, height: 800 }}>
          <DesignerCanvas manifest={manifest} document={sampleDocument} onSave={vi.fn()} />
        </div>
      </QueryClientProvider>,
    );
    fireEvent.click(container.querySelector('.react-flow__node[data-id="train"]')!);
    await waitFor(() => {
      const options = [...container.querySelectorAll('[data-field="label_column"] datalist option')];
      expect(options.map((o) => o.getAttribute("value"))).toEqual(["age", "churned"]);
    });
    const sent = bodies[0] as { document: { nodes: Record<string, unknown>[] } };
    expect(sent.document.nodes.map((n) => n.id)).toContain("train");
    expect(sent.document.nodes.every((n) => !("position" in n))).toBe(true);
  });
});
