import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { ScoringPage } from "./ScoringPage";

afterEach(() => vi.unstubAllGlobals());

const DB = "/data/shop.duckdb";
const loans = {
  name: "loans",
  version: 2,
  ref: "loans:2",
  versions: [1, 2],
  description: "",
  inputs: [
    { column: "income", kind: "number" },
    { column: "grade", kind: "text" },
  ],
  outputs: [
    { column: "Scored Labels", type: "text" },
    { column: "Scored Probabilities", type: "double" },
  ],
};
const check = (input: string, kind: string, column: string, columnKind: string, status = "ok", note = "") => ({
  input, input_kind: kind, column, column_kind: columnKind, status, note,
});
const mismatch = "Model input 'income' takes numbers, but column 'note' holds text; map a numeric column to it.";

function mappingReply(init: RequestInit) {
  const body = JSON.parse(String(init.body));
  const income = body.mapping?.income ?? "income";
  const incomeCheck = income === "note" ? check("income", "number", "note", "text", "mismatch", mismatch) : check("income", "number", "income", "number");
  return {
    body: {
      model: loans,
      mapping: { income, grade: "grade" },
      checks: [incomeCheck, check("grade", "text", "grade", "text")],
      runnable: income !== "note",
    },
  };
}

const job = {
  id: "j1", status: "completed", target: "applicants_scored", rows_done: 40, rows_total: 40, rows_written: 40, error: null,
  sql: "SELECT d.*, p.* FROM PREDICT(MODEL = 'loans:2', DATA = applicants AS d) AS p",
  preview: { columns: ["income", "grade", "Scored Labels"], rows: [{ income: 51.5, grade: "A", "Scored Labels": "yes" }] },
};

function setup() {
  return mockApi({
    [`GET /api/scoring/tables?database=${encodeURIComponent("/nowhere.duckdb")}`]: {
      status: 404, body: { error: { code: "not_found", message: "DuckDB database file '/nowhere.duckdb' does not exist." } },
    },
    "GET /api/scoring/tables": { body: { tables: [{ name: "applicants", type: "table" }, { name: "rich", type: "view" }] } },
    "GET /api/scoring/preview": {
      body: {
        table: "applicants",
        columns: [{ name: "income", type: "DOUBLE", kind: "number" }, { name: "grade", type: "VARCHAR", kind: "text" }, { name: "note", type: "VARCHAR", kind: "text" }],
        rows: [{ income: 51.5, grade: "A", note: "x" }],
      },
    },
    "GET /api/scoring/models": { body: { models: [loans] } },
    "POST /api/scoring/mapping": mappingReply,
    "POST /api/scoring/jobs": { status: 202, body: { ...job, status: "queued", rows_done: 0, rows_total: null, sql: null, preview: null } },
    "GET /api/scoring/jobs/j1": { body: job },
    "POST /api/scoring/stored-models": { status: 201, body: { name: "loans", version: 2, database: DB, table: "kumi_models" } },
  });
}

const next = () => fireEvent.click(screen.getByRole("button", { name: "Next" }));
const database = () => screen.getByLabelText("Database (DuckDB file path or PostgreSQL URL)");

describe("Scoring wizard", () => {
  it("walks connection → table → model → mapping → output → run", async () => {
    const api = setup();
    renderPage(<ScoringPage />, { path: "/scoring", at: "/scoring" });
    next();
    expect(screen.getByTestId("wizard-problem")).toHaveTextContent("Give a DuckDB file path");
    fireEvent.change(database(), { target: { value: "/nowhere.duckdb" } });
    next();
    expect(await screen.findByRole("alert")).toHaveTextContent("'/nowhere.duckdb' does not exist");
    expect(database()).toBeInTheDocument();

    fireEvent.change(database(), { target: { value: DB } });
    next();
    fireEvent.click(await screen.findByRole("radio", { name: "applicants" }));
    expect(await screen.findByRole("table", { name: "First rows of applicants" })).toHaveTextContent("51.5");
    expect(screen.getByTestId("column-kinds")).toHaveTextContent("income: number");
    next();

    const signature = await screen.findByLabelText("Signature of loans");
    expect(signature).toHaveTextContent("income (number), grade (text)");
    expect(signature).toHaveTextContent("Scored Probabilities (double)");
    next();
    expect(screen.getByTestId("wizard-problem")).toHaveTextContent("Choose a model.");
    fireEvent.click(screen.getByRole("radio", { name: "loans" }));
    expect(screen.getByLabelText("Version")).toHaveValue("2");
    fireEvent.click(screen.getByRole("button", { name: "Copy into the database" }));
    expect(await screen.findByRole("status")).toHaveTextContent("loans:2 is in kumi_models");
    expect(JSON.parse(String(api.callsTo("POST /api/scoring/stored-models")[0].init.body))).toEqual({ database: DB, model: "loans:2" });
    next();

    const mapping = await screen.findByRole("table", { name: "Column mapping" });
    expect(within(mapping).getByLabelText("Column for income")).toHaveValue("income");
    fireEvent.change(within(mapping).getByLabelText("Column for income"), { target: { value: "note" } });
    expect(await within(mapping).findByText("type mismatch")).toBeInTheDocument();
    next();
    expect(screen.getByTestId("wizard-problem")).toHaveTextContent("column 'note' holds text");
    fireEvent.change(within(mapping).getByLabelText("Column for income"), { target: { value: "income" } });
    await within(mapping).findAllByText("ok");
    await vi.waitFor(() => expect(within(mapping).queryByText("type mismatch")).toBeNull());
    next();

    expect(screen.getByLabelText("Output table")).toHaveValue("applicants_scored");
    fireEvent.click(screen.getByRole("checkbox", { name: /Scored Labels/ }));
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    expect(await screen.findByTestId("scoring-sql")).toHaveTextContent("PREDICT(MODEL = 'loans:2'");
    expect(screen.getByTestId("scoring-status")).toHaveTextContent("40 of 40 rows scored");
    expect(screen.getByRole("table", { name: "First rows of applicants_scored" })).toHaveTextContent("yes");
    const sent = JSON.parse(String(api.callsTo("POST /api/scoring/jobs")[0].init.body));
    expect(sent).toEqual({
      database: DB, table: "applicants", model: "loans:2", mapping: { income: "income", grade: "grade" },
      target: "applicants_scored", score_columns: ["Scored Probabilities"], output: "table",
    });
    expect(screen.queryByRole("radiogroup", { name: "Output kind" })).toBeNull();
  });

  it("offers a view on PostgreSQL, where the model runs in the server", async () => {
    const api = setup();
    renderPage(<ScoringPage />, { path: "/scoring", at: "/scoring" });
    fireEvent.change(database(), { target: { value: "postgresql://kumi@db/shop" } });
    next();
    fireEvent.click(await screen.findByRole("radio", { name: "applicants" }));
    await screen.findByRole("table", { name: "First rows of applicants" });
    next();
    fireEvent.click(await screen.findByRole("radio", { name: "loans" }));
    next();
    await screen.findByRole("table", { name: "Column mapping" });
    await vi.waitFor(() => expect(screen.getAllByText("ok")).toHaveLength(2));
    next();

    const kind = screen.getByRole("radiogroup", { name: "Output kind" });
    fireEvent.click(within(kind).getByRole("radio", { name: /View/ }));
    fireEvent.change(screen.getByLabelText("Output view"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    expect(screen.getByTestId("wizard-problem")).toHaveTextContent("Name the output view.");
    fireEvent.change(screen.getByLabelText("Output view"), { target: { value: "applicants_live" } });
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    await screen.findByTestId("scoring-sql");
    const sent = JSON.parse(String(api.callsTo("POST /api/scoring/jobs")[0].init.body));
    expect(sent).toMatchObject({ target: "applicants_live", output: "view" });
  });
});
