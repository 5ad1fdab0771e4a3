import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { JsonSchema } from "../api/types";
import { spec } from "../test/manifest";
import { ParamsForm } from "./ParamsForm";
import { defaultParams } from "./schema";

function renderForm(schema: JsonSchema, values?: Record<string, unknown>, knownColumns?: string[]) {
  const onChange = vi.fn();
  const utils = render(
    <ParamsForm schema={schema} values={values ?? defaultParams(schema)} onChange={onChange} knownColumns={knownColumns} />,
  );
  return { ...utils, onChange };
}

function widgetOf(container: HTMLElement, field: string): string | null {
  return container.querySelector(`[data-field="${field}"]`)?.getAttribute("data-widget") ?? null;
}

describe("ParamsForm", () => {
  it("renders integer and number inputs with minimum/maximum", () => {
    const { container } = renderForm(spec("partition_and_sample").params_schema);
    const folds = screen.getByLabelText("Specify Number Of Folds To Split Evenly Into") as HTMLInputElement;
    expect(folds.type).toBe("number");
    expect(folds.min).toBe("1");
    expect(folds.max).toBe("1000");
    expect(folds.value).toBe("5");
    const rate = screen.getByLabelText("Rate Of Sampling") as HTMLInputElement;
    expect(rate.type).toBe("number");
    expect(rate.max).toBe("1");
    expect(widgetOf(container, "rate_of_sampling")).toBe("number");
  });

  it("emits numbers from numeric inputs", () => {
    const { onChange } = renderForm(spec("partition_and_sample").params_schema);
    fireEvent.change(screen.getByLabelText("Random Seed"), { target: { value: "17" } });
    expect(onChange).toHaveBeenCalledWith("random_seed", 17);
  });

  it("renders enums as selects and booleans as checkboxes", () => {
    const { onChange } = renderForm(spec("import_data").params_schema);
    const format = screen.getByLabelText("File Format") as HTMLSelectElement;
    expect(format.tagName).toBe("SELECT");
    expect([...format.options].map((o) => o.value)).toEqual(["auto", "csv", "tsv", "parquet", "jsonl"]);
    fireEvent.change(format, { target: { value: "parquet" } });
    expect(onChange).toHaveBeenCalledWith("file_format", "parquet");
    const header = screen.getByLabelText("Has Header") as HTMLInputElement;
    expect(header.type).toBe("checkbox");
    expect(header.checked).toBe(true);
    fireEvent.click(header);
    expect(onChange).toHaveBeenCalledWith("has_header", false);
  });

  it("renders strings as text inputs and code as a monospace textarea", () => {
    renderForm(spec("import_data").params_schema);
    expect((screen.getByLabelText("Path") as HTMLInputElement).type).toBe("text");
    const query = screen.getByLabelText("Query");
    expect(query.tagName).toBe("TEXTAREA");
    expect(query).toHaveClass("code-input");
    expect(query.getAttribute("data-language")).toBe("sql");
  });

  it("renders an optional integer (anyOf with null) as a number input", () => {
    const { onChange } = renderForm(spec("dataset").params_schema);
    const version = screen.getByLabelText("Version") as HTMLInputElement;
    expect(version.type).toBe("number");
    expect(version.value).toBe("");
    fireEvent.change(version, { target: { value: "3" } });
    expect(onChange).toHaveBeenCalledWith("version", 3);
  });

  it("offers known columns for a column field and accepts free text", () => {
    const { container, onChange } = renderForm(spec("partition_and_sample").params_schema, undefined, ["age", "income"]);
    const column = screen.getByLabelText("Stratification Key Column") as HTMLInputElement;
    expect(widgetOf(container, "stratification_key_column")).toBe("column");
    const list = container.querySelector(`datalist#${column.getAttribute("list")}`);
    expect([...list!.querySelectorAll("option")].map((o) => o.getAttribute("value"))).toEqual(["age", "income"]);
    fireEvent.change(column, { target: { value: "other" } });
    expect(onChange).toHaveBeenCalledWith("stratification_key_column", "other");
  });

  it("edits the names of a ColumnSelection and keeps the rest as JSON", () => {
    const schema = spec("apply_math_operation").params_schema;
    const { container, onChange } = renderForm(schema, { ...defaultParams(schema), column_set: { names: ["a"], start_with: "none", rules: [] } });
    expect(widgetOf(container, "column_set")).toBe("column_selection");
    const names = screen.getByLabelText("Column Set") as HTMLInputElement;
    expect(names.value).toBe("a");
    fireEvent.change(names, { target: { value: "a, b" } });
    expect(onChange).toHaveBeenCalledWith("column_set", { names: ["a", "b"], start_with: "none", rules: [] });
    const rest = container.querySelector('[data-field="column_set"] textarea') as HTMLTextAreaElement;
    expect(JSON.parse(rest.value)).toEqual({ start_with: "none", rules: [] });
  });

  it("uses a multi-select for column lists when columns are known", () => {
    const schema = spec("apply_math_operation").params_schema;
    renderForm(schema, { ...defaultParams(schema), column_set: { names: ["b"] } }, ["a", "b"]);
    const names = screen.getByLabelText("Column Set") as HTMLSelectElement;
    expect(names.multiple).toBe(true);
    expect([...names.selectedOptions].map((o) => o.value)).toEqual(["b"]);
  });

  it("renders numeric arrays as comma-separated lists", () => {
    const { onChange } = renderForm(spec("multiclass_boosted_decision_tree").params_schema);
    const rates = screen.getByLabelText("Learning Rate Range") as HTMLInputElement;
    expect(rates.value).toBe("0.025, 0.05, 0.1, 0.2, 0.4");
    fireEvent.change(rates, { target: { value: "0.1, 0.3" } });
    expect(onChange).toHaveBeenCalledWith("learning_rate_range", [0.1, 0.3]);
  });

  it("accepts a pipeline parameter reference in a numeric field", () => {
    const schema = spec("partition_and_sample").params_schema;
    const { container, onChange } = renderForm(schema, { ...defaultParams(schema), random_seed: "${parameters.seed}" });
    const seed = screen.getByLabelText("Random Seed") as HTMLInputElement;
    expect(seed.type).toBe("text");
    expect(seed.value).toBe("${parameters.seed}");
    expect(widgetOf(container, "random_seed")).toBe("parameter");
    fireEvent.change(seed, { target: { value: "${parameters.other}" } });
    expect(onChange).toHaveBeenCalledWith("random_seed", "${parameters.other}");
  });

  it("offers the pipeline's parameters when a field takes one", () => {
    const schema = spec("partition_and_sample").params_schema;
    const onChange = vi.fn();
    const { container, rerender } = render(
      <ParamsForm schema={schema} values={defaultParams(schema)} onChange={onChange} pipelineParameters={["seed", "rate"]} />,
    );
    const toggle = container.querySelector('[data-field="random_seed"] .param-toggle') as HTMLButtonElement;
    fireEvent.click(toggle);
    expect(onChange).toHaveBeenCalledWith("random_seed", "${parameters.seed}");
    rerender(
      <ParamsForm
        schema={schema}
        values={{ ...defaultParams(schema), random_seed: "${parameters.seed}" }}
        onChange={onChange}
        pipelineParameters={["seed", "rate"]}
      />,
    );
    const offered = [...container.querySelectorAll('[data-field="random_seed"] datalist option')].map((o) => o.getAttribute("value"));
    expect(offered).toEqual(["${parameters.seed}", "${parameters.rate}"]);
  });

  it("shows the defaults of parameters the document leaves out", () => {
    renderForm(spec("split_data").params_schema, {});
    expect((screen.getByLabelText("Splitting Mode") as HTMLSelectElement).value).toBe("split_rows");
    expect((screen.getByLabelText("Randomized Split") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Fraction Of Rows In The First Output Dataset") as HTMLInputElement).value).toBe("0.5");
  });

  it("renders a textarea widget", () => {
    renderForm(spec("enter_data_manually").params_schema);
    expect(screen.getByLabelText("Data").tagName).toBe("TEXTAREA");
  });

  it("renders every component of the manifest without error", async () => {
    const { manifest } = await import("../test/manifest");
    for (const component of manifest) {
      const { unmount } = renderForm(component.params_schema);
      unmount();
    }
  });

  it("handles the columns widget, optional enums and other objects on a synthetic schema", () => {
    const schema: JsonSchema = {
      type: "object",
      $defs: { Extra: { type: "object", properties: { a: { type: "integer" } } } },
      properties: {
        features: { type: "array", items: { type: "string" }, "x-kumi-widget": "columns", title: "Features" },
        mode: { anyOf: [{ type: "string", enum: ["x", "y"] }, { type: "null" }], default: null, title: "Mode" },
        extra: { $ref: "#/$defs/Extra", title: "Extra" },
      },
    };
    const { container, onChange } = renderForm(schema, undefined, ["c1", "c2"]);
    expect(widgetOf(container, "features")).toBe("columns");
    expect((screen.getByLabelText("Features") as HTMLSelectElement).multiple).toBe(true);
    const mode = screen.getByLabelText("Mode") as HTMLSelectElement;
    expect([...mode.options].map((o) => o.value)).toEqual(["", "x", "y"]);
    fireEvent.change(mode, { target: { value: "y" } });
    expect(onChange).toHaveBeenCalledWith("mode", "y");
    expect(widgetOf(container, "extra")).toBe("json");
    fireEvent.change(screen.getByLabelText("Extra"), { target: { value: '{"a": 3}' } });
    expect(onChange).toHaveBeenCalledWith("extra", { a: 3 });
  });
});
