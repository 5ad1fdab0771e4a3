import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { NewPipelineButton } from "./NewPipelineButton";

afterEach(() => vi.unstubAllGlobals());

function createNamed(name: string) {
  renderPage(<NewPipelineButton />, { path: "/", at: "/" });
  fireEvent.click(screen.getByRole("button", { name: "New pipeline" }));
  fireEvent.change(screen.getByLabelText("New pipeline name"), { target: { value: name } });
  fireEvent.click(screen.getByRole("button", { name: "Create" }));
}

describe("new pipeline", () => {
  it("creates an empty document under the name and opens it", async () => {
    const api = mockApi({ "POST /api/pipelines": { status: 201, body: { id: "credit scoring", document: {} } } });
    createNamed(" credit scoring ");
    expect(await screen.findByTestId("location")).toHaveTextContent("/pipelines/credit%20scoring");
    const body = JSON.parse(api.calls[0].init.body as string);
    expect(body).toEqual({ document: { schema_version: 1, name: "credit scoring", nodes: [], edges: [] } });
  });

  it("shows the conflict when the name exists", async () => {
    mockApi({
      "POST /api/pipelines": {
        status: 409,
        body: { error: { code: "conflict", message: "A pipeline named 'credit' exists already.", details: {} } },
      },
    });
    createNamed("credit");
    expect(await screen.findByRole("alert")).toHaveTextContent("A pipeline named 'credit' exists already. (conflict)");
    expect(screen.queryByTestId("location")).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("New pipeline name"), { target: { value: "credit-2" } });
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
