import { describe, expect, it } from "vitest";
import { manifest } from "../test/manifest";
import { groupComponents } from "./paletteGroups";

describe("groupComponents", () => {
  it("puts Datasets first, then categories alphabetically", () => {
    const categories = groupComponents(manifest).map((g) => g.category);
    expect(categories[0]).toBe("Datasets");
    const rest = categories.slice(1);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
    expect(new Set(categories).size).toBe(new Set(manifest.map((c) => c.category)).size);
  });

  it("keeps every component exactly once", () => {
    const ids = groupComponents(manifest).flatMap((g) => g.components.map((c) => c.id));
    expect(ids).toHaveLength(58);
    expect(new Set(ids).size).toBe(58);
  });

  it("sorts components by name inside a group", () => {
    for (const group of groupComponents(manifest)) {
      const names = group.components.map((c) => c.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    }
  });

  it("filters by name, case-insensitively, dropping empty groups", () => {
    const groups = groupComponents(manifest, "split data");
    expect(groups.map((g) => g.category)).toEqual(["Data Transformation"]);
    expect(groups[0].components.map((c) => c.id)).toEqual(["split_data"]);
  });

  it("filters by description", () => {
    const ids = groupComponents(manifest, "registered dataset").flatMap((g) => g.components.map((c) => c.id));
    expect(ids).toContain("dataset");
  });

  it("returns nothing when nothing matches", () => {
    expect(groupComponents(manifest, "zzzz-no-such-thing")).toEqual([]);
  });
});
