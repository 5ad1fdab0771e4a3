import { describe, expect, it } from "vitest";
import { binLabels, histogramOption, topValuesOption } from "./chartOptions";

describe("chart options", () => {
  it("label histogram bins by their edges", () => {
    expect(binLabels({ edges: [0, 0.5, 1], counts: [3, 4] })).toEqual(["0–0.5", "0.5–1"]);
    const option = histogramOption({ edges: [0, 0.5, 1], counts: [3, 4] });
    expect(option.series).toEqual([expect.objectContaining({ type: "bar", data: [3, 4] })]);
  });

  it("put the most frequent value on top and shorten long values", () => {
    const option = topValuesOption([
      { value: "a fairly long category name", count: 9 },
      { value: "b", count: 2 },
    ]);
    expect(option.yAxis).toMatchObject({ data: ["b", "a fairly long cat…"] });
    expect(option.series).toEqual([expect.objectContaining({ data: [2, 9] })]);
  });
});
