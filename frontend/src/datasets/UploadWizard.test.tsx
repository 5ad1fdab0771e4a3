import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DatasetsPage } from "../pages/DatasetsPage";
import { inspectResult } from "../test/datasetFixtures";
import { formOf, mockApi, type MockRoute } from "../test/mockApi";
import { renderPage } from "../test/renderPage";

afterEach(() => vi.unstubAllGlobals());

const registered = {
  name: "palmer-penguins-2020",
  latest_version: 1,
  rows: 344,
  columns: 4,
  label: "species",
  version: {},
};

function setup(routes: Record<string, MockRoute> = {}) {
  const api = mockApi({
    "GET /api/datasets": { body: { datasets: [] } },
    "POST /api/datasets/inspect": { body: inspectResult },
    "POST /api/datasets": { status: 201, body: registered },
    ...routes,
  });
  renderPage(<DatasetsPage />, { path: "/datasets", at: "/datasets" });
  return api;
}

function chooseFile(name = "Palmer Penguins (2020).csv") {
  fireEvent.click(screen.getByTestId("upload-open"));
  const file = new File(["species,island\nAdelie,Dream\n"], name, { type: "text/csv" });
  fireEvent.change(screen.getByTestId("upload-file-input"), { target: { files: [file] } });
  return file;
}

const next = () => fireEvent.click(screen.getByTestId("upload-next"));

describe("upload wizard", () => {
  it("inspects the file, takes the roles and registers it", async () => {
    const api = setup();
    chooseFile();
    expect(screen.getByText(/Chosen:/)).toHaveTextContent("Palmer Penguins (2020).csv");
    fireEvent.click(screen.getByLabelText("First row is the header"));
    next();

    // Step 2: the preview of the first rows and the columns, nothing saved yet.
    expect(await screen.findByText("Torgersen")).toBeInTheDocument();
    expect(screen.getByText("First rows")).toBeInTheDocument();
    const [inspectCall] = api.callsTo("POST /api/datasets/inspect");
    const inspected = formOf(inspectCall);
    expect((inspected.get("file") as File).name).toBe("Palmer Penguins (2020).csv");
    expect(inspected.get("file_format")).toBe("auto");
    expect(inspected.get("encoding")).toBe("utf-8");
    expect(inspected.get("has_header")).toBe("false");
    expect(api.callsTo("POST /api/datasets")).toHaveLength(0);
    next();

    // Step 3: roles; the inferred categorical columns are ticked.
    expect(screen.getByTestId("upload-name")).toHaveValue("palmer-penguins-2020");
    expect(screen.getByLabelText("Categorical species")).toBeChecked();
    fireEvent.change(screen.getByTestId("upload-label"), { target: { value: "species" } });
    expect(screen.getByLabelText("Ignore species")).toBeDisabled();
    fireEvent.click(screen.getByLabelText("Categorical year"));
    fireEvent.click(screen.getByLabelText("Ignore island"));
    fireEvent.click(screen.getByLabelText("Ignore bill_length_mm"));
    fireEvent.change(screen.getByLabelText("Description"), { target: { value: "Penguins of Palmer station" } });
    next();

    // Step 4: review and register.
    expect(screen.getByText("island, bill_length_mm")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("upload-register"));
    expect(await screen.findByTestId("location")).toHaveTextContent("/datasets/palmer-penguins-2020");
    const form = formOf(api.callsTo("POST /api/datasets")[0]);
    expect((form.get("file") as File).name).toBe("Palmer Penguins (2020).csv");
    expect(form.get("name")).toBe("palmer-penguins-2020");
    expect(form.get("description")).toBe("Penguins of Palmer station");
    expect(form.get("label")).toBe("species");
    expect(form.get("file_format")).toBe("auto");
    expect(form.get("encoding")).toBe("utf-8");
    expect(form.get("has_header")).toBe("false");
    expect(form.getAll("categorical")).toEqual(["species", "island", "year"]);
    expect(form.getAll("ignore")).toEqual(["island", "bill_length_mm"]);
  });

  it("sends the chosen format and no label when none is picked", async () => {
    const api = setup();
    chooseFile("events.log");
    fireEvent.change(screen.getByLabelText("Format"), { target: { value: "jsonl" } });
    next();
    await screen.findByText("Torgersen");
    next();
    expect(screen.getByTestId("upload-name")).toHaveValue("events");
    fireEvent.click(screen.getByLabelText("Categorical island"));
    next();
    fireEvent.click(screen.getByTestId("upload-register"));
    await screen.findByTestId("location");
    const form = formOf(api.callsTo("POST /api/datasets")[0]);
    expect(form.get("file_format")).toBe("jsonl");
    expect(form.has("label")).toBe(false);
    expect(form.getAll("categorical")).toEqual(["species"]);
    expect(form.getAll("ignore")).toEqual([]);
  });

  it("takes a dropped file", async () => {
    const api = setup();
    fireEvent.click(screen.getByTestId("upload-open"));
    const file = new File(["x\n1\n"], "Dropped File.tsv");
    fireEvent.drop(screen.getByTestId("upload-drop-zone"), { dataTransfer: { files: [file] } });
    expect(screen.getByText(/Chosen:/)).toHaveTextContent("Dropped File.tsv");
    next();
    await screen.findByText("Torgersen");
    expect((formOf(api.callsTo("POST /api/datasets/inspect")[0]).get("file") as File).name).toBe("Dropped File.tsv");
    next();
    expect(screen.getByTestId("upload-name")).toHaveValue("dropped-file");
  });

  it("does not read the same file twice when going back", async () => {
    const api = setup();
    chooseFile();
    next();
    await screen.findByText("Torgersen");
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    next();
    expect(screen.getByText("First rows")).toBeInTheDocument();
    expect(api.callsTo("POST /api/datasets/inspect")).toHaveLength(1);
  });

  it("blocks an invalid dataset name", async () => {
    setup();
    chooseFile();
    next();
    await screen.findByText("Torgersen");
    next();
    fireEvent.change(screen.getByTestId("upload-name"), { target: { value: "-bad name" } });
    expect(screen.getByText(/starting with a letter or digit/)).toBeInTheDocument();
    expect(screen.getByTestId("upload-next")).toBeDisabled();
  });

  it("sends the column types chosen instead of the inferred ones", async () => {
    const api = setup();
    chooseFile();
    next();
    await screen.findByRole("listitem", { current: "step" });
    await waitFor(() => expect(screen.getByRole("listitem", { current: "step" })).toHaveTextContent("Preview"));
    next();
    const column = inspectResult.columns[0];
    const choice = screen.getByLabelText(`Type of ${column.name}`) as HTMLSelectElement;
    expect(choice.value).toBe(column.type);
    const other = column.type === "string" ? "integer" : "string";
    fireEvent.change(choice, { target: { value: other } });
    next();
    expect(screen.getByText(`${column.name} → ${other}`)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("upload-register"));
    await waitFor(() => expect(api.callsTo("POST /api/datasets")).toHaveLength(1));
    const form = formOf(api.callsTo("POST /api/datasets")[0]);
    expect(JSON.parse(String(form.get("column_types")))).toEqual({ [column.name]: other });
  });

  it("reads the file again in the encoding the server suggests", async () => {
    const wrong = {
      status: 400,
      body: {
        error: {
          code: "invalid_data",
          message: "File 'x.csv' is not valid utf-8 text (byte 13: b'\\xe9'). It looks like cp1252.",
          details: { problem: "wrong_encoding", encoding: "utf-8", suggested_encoding: "cp1252" },
        },
      },
    };
    const api = setup({
      "POST /api/datasets/inspect": (init) =>
        (init.body as FormData).get("encoding") === "cp1252" ? { body: inspectResult } : wrong,
    });
    chooseFile();
    next();
    expect(await screen.findByRole("alert")).toHaveTextContent("not valid utf-8 text");
    fireEvent.click(screen.getByRole("button", { name: "Read it as cp1252" }));
    await waitFor(() => expect(screen.getByRole("listitem", { current: "step" })).toHaveTextContent("Preview"));
    const calls = api.callsTo("POST /api/datasets/inspect").map((c) => formOf(c).get("encoding"));
    expect(calls).toEqual(["utf-8", "cp1252"]);
  });

  it("shows a too large file next to the file step", async () => {
    const api = setup({
      "POST /api/datasets/inspect": {
        status: 413,
        body: {
          error: {
            code: "upload_too_large",
            message: "The file is larger than this server accepts (1,000 bytes).",
            details: { limit_bytes: 1000 },
          },
        },
      },
    });
    chooseFile();
    next();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The file is larger than this server accepts (1,000 bytes). (upload_too_large)");
    expect(screen.getByTestId("upload-file-input")).toBeInTheDocument();
    expect(screen.getByRole("listitem", { current: "step" })).toHaveTextContent("File");
    expect(api.callsTo("POST /api/datasets")).toHaveLength(0);
  });

  it("explains a 413 without an error body too", async () => {
    setup({ "POST /api/datasets/inspect": { status: 413, body: "Request Entity Too Large" } });
    chooseFile();
    next();
    expect(await screen.findByRole("alert")).toHaveTextContent("The file is larger than the server accepts. (upload_too_large)");
  });

  it("shows invalid data at the register step", async () => {
    setup({
      "POST /api/datasets": {
        status: 400,
        body: { error: { code: "invalid_data", message: "Line 3 has 5 fields, expected 4.", details: { line: 3 } } },
      },
    });
    chooseFile();
    next();
    await screen.findByText("Torgersen");
    next();
    next();
    fireEvent.click(screen.getByTestId("upload-register"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Line 3 has 5 fields, expected 4. (invalid_data)");
    expect(screen.getByRole("listitem", { current: "step" })).toHaveTextContent("Register");
    expect(screen.queryByTestId("location")).not.toBeInTheDocument();
  });

  it("shows an unreadable file at the file step", async () => {
    setup({
      "POST /api/datasets/inspect": {
        status: 400,
        body: { error: { code: "invalid_data", message: "Cannot read the file as CSV.", details: {} } },
      },
    });
    chooseFile();
    next();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Cannot read the file as CSV. (invalid_data)");
    const wizard = screen.getByRole("region", { name: "Upload dataset" });
    expect(within(wizard).getByTestId("upload-file-input")).toBeInTheDocument();
  });
});
