/** The Test tab's request form: one field per signature column, read back into a request body. */
import type { ScoringRequest, ScoringRow, SignatureColumn } from "../api/endpointHooks";

export type FieldValue = string | boolean;

export const NUMERIC_TYPES = new Set(["integer", "double"]);

export function fieldKind(type: string): "number" | "checkbox" | "text" {
  if (NUMERIC_TYPES.has(type)) return "number";
  return type === "boolean" ? "checkbox" : "text";
}

/** Field values for the columns, taken from the example row where it has them. */
export function initialValues(columns: SignatureColumn[], example: ScoringRow | undefined): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const c of columns) {
    const v = example?.[c.name];
    values[c.name] = fieldKind(c.type) === "checkbox" ? v === true || v === "true" : v === null || v === undefined ? "" : String(v);
  }
  return values;
}

/** The row a form describes; empty fields are sent as missing values (null). */
export function rowFromFields(columns: SignatureColumn[], values: Record<string, FieldValue>): ScoringRow {
  const row: ScoringRow = {};
  for (const c of columns) {
    const value = values[c.name];
    const kind = fieldKind(c.type);
    if (kind === "checkbox") row[c.name] = value === true;
    else if (value === "" || value === undefined) row[c.name] = null;
    else if (kind === "number") row[c.name] = Number(value);
    else row[c.name] = value;
  }
  return row;
}

export function requestBody(inputName: string, rows: ScoringRow[]): ScoringRequest {
  return { Inputs: { [inputName]: rows }, GlobalParameters: {} };
}

/** The first row of the example request for an input, if any. */
export function exampleRow(example: ScoringRequest | null | undefined, inputName: string): ScoringRow | undefined {
  const rows = example?.Inputs?.[inputName];
  return Array.isArray(rows) && rows.length ? rows[0] : undefined;
}
