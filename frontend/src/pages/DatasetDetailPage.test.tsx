import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { penguinsInfo, penguinsProfile, previewOf } from "../test/datasetFixtures";
import { mockApi } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { DatasetDetailPage } from "./DatasetDetailPage";

vi.mock("echarts-for-react/lib/core", () => ({
  default: ({ option }: { option: { series: { data: number[] }[] } }) => (
    <div data-testid="echart" data-values={JSON.stringify(option.series[0].data)} />
  ),
}));

afterEach(() => vi.unstubAllGlobals());

function setup(extra: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({
    ...extra,
    "GET /api/datasets/penguins": { body: penguinsInfo },
    "GET /api/datasets/penguins/versions/2/preview?rows=100": { body: previewOf(344) },
    "GET /api/datasets/penguins/versions/1/preview?rows=100": { body: previewOf(300) },
    "GET /api/datasets/penguins/versions/2/profile": { body: { name: "penguins", version: 2, profile: penguinsProfile } },
  });
  renderPage(<DatasetDetailPage />, { path: "/datasets/:name", at: "/datasets/penguins" });
  return api;
}

describe("dataset page", () => {
  it("previews the newest version's first rows", async () => {
    setup();
    expect(await screen.findByText("First 2 of 344 rows.")).toBeInTheDocument();
    expect(screen.getByText("Palmer penguins")).toBeInTheDocument();
    expect(screen.getByLabelText("Version")).toHaveValue("2");
    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "species",
      "island",
      "bill_length_mm",
      "year",
    ]);
    expect(within(table).getByText("Chinstrap")).toBeInTheDocument();
    expect(within(table).getByText("null")).toHaveClass("cell-missing");
    expect(screen.getByRole("tab", { name: "Preview" })).toHaveAttribute("aria-selected", "true");
  });

  it("deletes the dataset after asking, then lists the datasets", async () => {
    const confirm = vi.fn((_question: string) => true);
    vi.stubGlobal("confirm", confirm);
    const api = setup({ "DELETE /api/datasets/penguins": { status: 204 } });
    await screen.findByText("First 2 of 344 rows.");
    fireEvent.click(screen.getByRole("button", { name: "Delete dataset" }));
    expect(confirm.mock.calls[0][0]).toContain('Delete dataset "penguins"');
    expect(await screen.findByTestId("location")).toHaveTextContent("/datasets");
    expect(api.callsTo("DELETE /api/datasets/penguins")).toHaveLength(1);
  });

  it("keeps the dataset when the deletion is not confirmed, and shows a refused deletion", async () => {
    vi.stubGlobal("confirm", vi.fn(() => false));
    const api = setup({
      "DELETE /api/datasets/penguins": { status: 409, body: { error: { code: "conflict", message: "In use." } } },
    });
    await screen.findByText("First 2 of 344 rows.");
    fireEvent.click(screen.getByRole("button", { name: "Delete dataset" }));
    expect(api.callsTo("DELETE /api/datasets/penguins")).toHaveLength(0);
    vi.stubGlobal("confirm", vi.fn(() => true));
    fireEvent.click(screen.getByRole("button", { name: "Delete dataset" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("In use.");
    expect(screen.queryByTestId("location")).toBeNull();
  });

  it("switches the version", async () => {
    const api = setup();
    await screen.findByText("First 2 of 344 rows.");
    fireEvent.change(screen.getByLabelText("Version"), { target: { value: "1" } });
    expect(await screen.findByText("First 2 of 300 rows.")).toBeInTheDocument();
    expect(screen.getByText("300 rows")).toBeInTheDocument();
    expect(api.calls.map((c) => c.url)).toContain("/api/datasets/penguins/versions/1/preview?rows=100");
  });

  it("shows a profile card per column with its chart", async () => {
    const api = setup();
    await screen.findByText("First 2 of 344 rows.");
    fireEvent.click(screen.getByRole("tab", { name: "Profile" }));
    const cards = await screen.findAllByTestId("profile-card");
    expect(cards).toHaveLength(4);

    const species = screen.getByRole("article", { name: "Column species" });
    expect(species).toHaveTextContent("string · label · categorical");
    expect(species).toHaveTextContent("Distinct3");
    expect(await within(species).findByTestId("echart")).toHaveAttribute("data-values", "[68,124,152]");
    expect(within(species).getByRole("img")).toHaveAccessibleName("Most frequent values of species");

    const bill = screen.getByRole("article", { name: "Column bill_length_mm" });
    expect(bill).toHaveTextContent("Missing2 (0.6%)");
    expect(bill).toHaveTextContent("Min32.1");
    expect(bill).toHaveTextContent("Max59.6");
    expect(bill).toHaveTextContent("Mean43.92");
    expect(bill).toHaveTextContent("Std5.46");
    expect(await within(bill).findByTestId("echart")).toHaveAttribute("data-values", "[203,139]");

    const tags = screen.getByRole("article", { name: "Column tag" });
    expect(tags).toHaveTextContent("No value repeats.");
    expect(within(tags).queryByTestId("echart")).not.toBeInTheDocument();

    const dates = screen.getByRole("article", { name: "Column measured_on" });
    expect(dates).toHaveTextContent("Min2007-11-11T00:00:00");
    expect(within(dates).queryByTestId("echart")).not.toBeInTheDocument();
    expect(api.calls.filter((c) => c.url.endsWith("/profile"))).toHaveLength(1);
  });

  it("shows a missing dataset", async () => {
    mockApi({
      "GET /api/datasets/nope": {
        status: 404,
        body: { error: { code: "not_found", message: "No dataset 'nope'.", details: {} } },
      },
    });
    renderPage(<DatasetDetailPage />, { path: "/datasets/:name", at: "/datasets/nope" });
    expect(await screen.findByRole("alert")).toHaveTextContent("No dataset 'nope'. (not_found)");
  });
});
