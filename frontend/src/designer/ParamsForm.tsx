/** Form for a node's parameters, rendered from the component's JSON Schema. */
import { useMemo, type ComponentType } from "react";
import type { JsonSchema } from "../api/types";
import { parameterRef } from "./parameterRows";
import { describeFields, isParameterRef, type FieldKind, type FieldSpec } from "./schema";
import {
  BooleanWidget,
  ColumnSelectionWidget,
  ColumnWidget,
  ColumnsWidget,
  EnumWidget,
  JsonWidget,
  NumberListWidget,
  NumberWidget,
  ParameterRefWidget,
  StringListWidget,
  TextAreaWidget,
  TextWidget,
  type WidgetProps,
} from "./ParamWidgets";

const WIDGETS: Record<FieldKind, ComponentType<WidgetProps>> = {
  integer: NumberWidget,
  number: NumberWidget,
  boolean: BooleanWidget,
  enum: EnumWidget,
  string: TextWidget,
  textarea: TextAreaWidget,
  code: TextAreaWidget,
  column: ColumnWidget,
  columns: ColumnsWidget,
  column_selection: ColumnSelectionWidget,
  number_list: NumberListWidget,
  string_list: StringListWidget,
  json: JsonWidget,
};

export interface ParamsFormProps {
  schema: JsonSchema;
  values: Record<string, unknown>;
  onChange: (name: string, value: unknown) => void;
  /** Column names offered by column widgets: one list for every field, or by field name. */
  knownColumns?: string[] | ((field: string) => string[]);
  /** Names of the pipeline's parameters, offered where a field takes one. */
  pipelineParameters?: string[];
  idPrefix?: string;
}

function ParamField({ field, value, onChange, knownColumns, pipelineParameters, idPrefix }: {
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  knownColumns?: string[];
  pipelineParameters: string[];
  idPrefix: string;
}) {
  const id = `${idPrefix}-${field.name}`;
  const usesParameter = isParameterRef(value);
  const refs = pipelineParameters.map(parameterRef);
  const Widget = WIDGETS[field.kind];
  return (
    <div className="param-field" data-field={field.name} data-widget={usesParameter ? "parameter" : field.kind}>
      <label htmlFor={id} title={field.description}>
        {field.title}
      </label>
      <div className="param-input">
        {usesParameter ? (
          <ParameterRefWidget id={id} field={field} value={value} onChange={onChange} refs={refs} />
        ) : (
          <Widget id={id} field={field} value={value} onChange={onChange} knownColumns={knownColumns} />
        )}
        {field.kind !== "string" && (
          <button
            type="button"
            className="param-toggle"
            title={usesParameter ? "Use a fixed value" : "Use a pipeline parameter"}
            onClick={() => onChange(usesParameter ? (field.schema.default ?? null) : (refs[0] ?? "${parameters.}"))}
          >
            {usesParameter ? "×" : "$"}
          </button>
        )}
      </div>
      {field.description && <small className="param-help">{field.description}</small>}
    </div>
  );
}

export function ParamsForm({
  schema,
  values,
  onChange,
  knownColumns,
  pipelineParameters = [],
  idPrefix = "param",
}: ParamsFormProps) {
  const fields = useMemo(() => describeFields(schema), [schema]);
  const columnsFor = typeof knownColumns === "function" ? knownColumns : () => knownColumns;
  if (fields.length === 0) return <p className="muted">No parameters.</p>;
  return (
    <form className="params-form" onSubmit={(e) => e.preventDefault()}>
      {fields.map((field) => (
        <ParamField
          key={field.name}
          field={field}
          value={field.name in values ? values[field.name] : field.schema.default}
          onChange={(value) => onChange(field.name, value)}
          knownColumns={columnsFor(field.name)}
          pipelineParameters={pipelineParameters}
          idPrefix={idPrefix}
        />
      ))}
    </form>
  );
}
