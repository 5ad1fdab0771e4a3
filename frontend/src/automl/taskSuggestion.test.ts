import { describe, expect, it } from "vitest";
import { penguinsProfile } from "../test/datasetFixtures";
import { classCounts, suggestTask } from "./taskSuggestion";

const column = (type: string, categorical = false) => ({ name: "y", type, role: "feature", categorical });

describe("task suggestion", () => {
  it("suggests classification for text, booleans and integers with few values; regression otherwise", () => {
    expect(suggestTask(column("string"))).toBe("classification");
    expect(suggestTask(column("boolean"))).toBe("classification");
    expect(suggestTask(column("double", true))).toBe("classification");
    expect(suggestTask(column("integer"), { ...column("integer"), missing: 0, distinct: 3 })).toBe("classification");
    expect(suggestTask(column("integer"), { ...column("integer"), missing: 0, distinct: 300 })).toBe("regression");
    expect(suggestTask(column("double"))).toBe("regression");
  });

  it("lists the most frequent values with their counts", () => {
    expect(classCounts(penguinsProfile.columns[0], 2)).toBe("Adelie (152), Gentoo (124), …");
    expect(classCounts(undefined)).toBe("");
  });
});
