import { describe, expect, it } from "vitest";
import { manifest, spec } from "../test/manifest";
import { defaultParams, describeFields, isParameterRef } from "./schema";

describe("defaultParams", () => {
  it("takes each property's default", () => {
    expect(defaultParams(spec("dataset").params_schema)).toEqual({ name: "", version: null });
    const params = defaultParams(spec("import_data").params_schema);
    expect(params).toMatchObject({ path: "", file_format: "auto", has_header: true, encoding: "utf-8", query: "" });
  });

  it("builds a ColumnSelection default from its $defs when the property has none", () => {
    const params = defaultParams(spec("apply_math_operation").params_schema);
    expect(params.column_set).toEqual({ names: [], start_with: "none", rules: [] });
  });

  it("copies array defaults instead of sharing them", () => {
    const schema = spec("multiclass_boosted_decision_tree").params_schema;
    const a = defaultParams(schema);
    const b = defaultParams(schema);
    expect(a.learning_rate_range).toEqual([0.025, 0.05, 0.1, 0.2, 0.4]);
    expect(a.learning_rate_range).not.toBe(b.learning_rate_range);
  });

  it("gives every component of the manifest a value for every property", () => {
    for (const component of manifest) {
      const properties = Object.keys((component.params_schema.properties ?? {}) as object);
      expect(Object.keys(defaultParams(component.params_schema)).sort(), component.id).toEqual([...properties].sort());
    }
  });
});

describe("describeFields", () => {
  it("classifies widgets", () => {
    const kinds = (id: string) => Object.fromEntries(describeFields(spec(id).params_schema).map((f) => [f.name, f.kind]));
    expect(kinds("import_data")).toMatchObject({ path: "string", file_format: "enum", has_header: "boolean", query: "code" });
    expect(kinds("enter_data_manually").data).toBe("textarea");
    expect(kinds("partition_and_sample")).toMatchObject({
      number_of_rows_to_select: "integer",
      rate_of_sampling: "number",
      stratification_key_column: "column",
    });
    expect(kinds("apply_math_operation").column_set).toBe("column_selection");
    expect(kinds("multiclass_boosted_decision_tree").learning_rate_range).toBe("number_list");
  });

  it("unwraps anyOf [X, null] as an optional X", () => {
    const version = describeFields(spec("dataset").params_schema).find((f) => f.name === "version")!;
    expect(version.kind).toBe("integer");
    expect(version.nullable).toBe(true);
    expect(version.schema.minimum).toBe(1);
  });
});

describe("isParameterRef", () => {
  it("recognises ${parameters.name}", () => {
    expect(isParameterRef("${parameters.seed}")).toBe(true);
    expect(isParameterRef("seed")).toBe(false);
    expect(isParameterRef(42)).toBe(false);
  });
});
