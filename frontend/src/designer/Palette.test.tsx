import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { DatasetSummary } from "../api/types";
import { manifest } from "../test/manifest";
import { Palette } from "./Palette";

const dataset = (name: string, description = ""): DatasetSummary => ({
  name,
  description,
  latest_version: 1,
  rows: 10,
  columns: 3,
  created_at: "2026-01-01T00:00:00+00:00",
});

describe("Palette", () => {
  it("lists registered datasets first under Datasets, dragged as dataset nodes with their name", () => {
    const { container } = render(<Palette manifest={manifest} datasets={[dataset("zoo"), dataset("customers")]} />);
    const first = container.querySelector(".palette-group")!;
    expect(first.querySelector("summary")).toHaveTextContent("Datasets");
    const items = [...first.querySelectorAll(".palette-item")].map((i) => i.textContent);
    expect(items).toEqual(["customers", "zoo", "Dataset"]);
    const data = new Map<string, string>();
    fireEvent.dragStart(screen.getByTestId("palette-dataset-customers"), {
      dataTransfer: { setData: (mime: string, value: string) => data.set(mime, value) },
    });
    expect(data.get("application/kumi-component")).toBe("dataset");
    expect(JSON.parse(data.get("application/kumi-params")!)).toEqual({ name: "customers" });
  });

  it("searches datasets by name and description, keeping the Datasets group for them alone", () => {
    const { container } = render(
      <Palette manifest={manifest} datasets={[dataset("customers", "churn of subscribers"), dataset("iris")]} />,
    );
    fireEvent.change(screen.getByLabelText("Search components"), { target: { value: "CHURN" } });
    expect([...container.querySelectorAll(".palette-group summary")].map((s) => s.textContent)).toEqual(["Datasets"]);
    expect([...container.querySelectorAll(".palette-item")].map((i) => i.textContent)).toEqual(["customers"]);
    fireEvent.change(screen.getByLabelText("Search components"), { target: { value: "nothing-like-this" } });
    expect(screen.getByText("Nothing matches.")).toBeInTheDocument();
  });
});
