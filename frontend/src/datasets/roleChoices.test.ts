import { describe, expect, it } from "vitest";
import { inColumnOrder, inferredRoles, withCategorical, withIgnored, withLabel } from "./roleChoices";
import type { RoleChoices } from "./uploadForms";

const columns = [
  { name: "id", type: "integer", role: "ignore", categorical: false },
  { name: "city", type: "string", role: "feature", categorical: true },
  { name: "price", type: "double", role: "label", categorical: false },
];
const base: RoleChoices = { name: "n", description: "", label: "", categorical: [], ignore: [] };

describe("role choices", () => {
  it("start from what the server inferred", () => {
    expect(inferredRoles(columns)).toEqual({ label: "price", categorical: ["city"], ignore: ["id"] });
  });

  it("never ignore the label", () => {
    const roles = withLabel({ ...base, ignore: ["id", "city"] }, "city");
    expect(roles.ignore).toEqual(["id"]);
    expect(withIgnored(roles, "city", true)).toBe(roles);
  });

  it("toggle columns in and out", () => {
    const roles = withCategorical(withCategorical(base, "city", true), "id", true);
    expect(roles.categorical).toEqual(["city", "id"]);
    expect(withCategorical(roles, "city", false).categorical).toEqual(["id"]);
    expect(withIgnored(base, "id", true).ignore).toEqual(["id"]);
  });

  it("list columns in table order", () => {
    expect(inColumnOrder(["price", "id"], columns)).toEqual(["id", "price"]);
  });
});
