/** Helpers reading the JSON Schema `params_schema` of a component. */
import type { JsonSchema } from "../api/types";

export type FieldKind =
  | "integer"
  | "number"
  | "boolean"
  | "enum"
  | "string"
  | "textarea"
  | "code"
  | "column"
  | "columns"
  | "column_selection"
  | "number_list"
  | "string_list"
  | "json";

export interface FieldSpec {
  name: string;
  title: string;
  description: string;
  kind: FieldKind;
  /** The resolved (non-null) schema of the field. */
  schema: JsonSchema;
  /** `anyOf [X, null]`: the value may be null. */
  nullable: boolean;
  enumValues: unknown[];
  language?: string;
}

const PARAMETER_REF = /^\$\{parameters\.[^}]+\}$/;

/** True for a pipeline-parameter reference such as `${parameters.seed}`. */
export function isParameterRef(value: unknown): value is string {
  return typeof value === "string" && PARAMETER_REF.test(value);
}

function asSchema(value: unknown): JsonSchema {
  return typeof value === "object" && value !== null ? (value as JsonSchema) : {};
}

/** Follows a local `$ref` (`#/$defs/Name`) against the root schema; annotations on the referring schema win. */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  let target: unknown = root;
  for (const part of ref.slice(2).split("/")) {
    target = asSchema(target)[part];
  }
  const { $ref: _ignored, ...rest } = schema;
  return { ...resolveRef(asSchema(target), root), ...rest };
}

/** Unwraps `anyOf: [X, {type: null}]` into X, telling whether null is allowed. */
export function unwrapNullable(schema: JsonSchema, root: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const anyOf = schema.anyOf;
  if (Array.isArray(anyOf)) {
    const options = anyOf.map(asSchema);
    const nonNull = options.filter((o) => o.type !== "null");
    const nullable = nonNull.length < options.length;
    if (nonNull.length === 1) {
      const { anyOf: _ignored, ...rest } = schema;
      return { schema: { ...resolveRef(nonNull[0], root), ...rest }, nullable };
    }
    return { schema, nullable };
  }
  return { schema: resolveRef(schema, root), nullable: schema.type === "null" };
}

function fieldKind(schema: JsonSchema): FieldKind {
  const widget = schema["x-kumi-widget"];
  if (widget === "code") return "code";
  if (widget === "textarea") return "textarea";
  if (widget === "column") return "column";
  if (widget === "columns") return "columns";
  if (widget === "column_selector") return "column_selection";
  if (Array.isArray(schema.enum)) return "enum";
  switch (schema.type) {
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "string":
      return "string";
    case "array": {
      const items = asSchema(schema.items);
      if (items["x-kumi-widget"] === "column") return "columns";
      if (items.type === "integer" || items.type === "number") return "number_list";
      if (items.type === "string") return "string_list";
      return "json";
    }
    case "object": {
      const props = asSchema(schema.properties);
      return "names" in props ? "column_selection" : "json";
    }
    default:
      return "json";
  }
}

/** `column_set` → `Column Set`. */
export function humanize(name: string): string {
  return name
    .split("_")
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(" ");
}

/** One FieldSpec per property of a params schema, in declaration order. */
export function describeFields(paramsSchema: JsonSchema): FieldSpec[] {
  const properties = asSchema(paramsSchema.properties);
  return Object.entries(properties).map(([name, raw]) => {
    const { schema, nullable } = unwrapNullable(asSchema(raw), paramsSchema);
    const ownTitle = asSchema(raw).title;
    return {
      name,
      title: typeof ownTitle === "string" ? ownTitle : humanize(name),
      description: typeof schema.description === "string" ? schema.description : "",
      kind: fieldKind(schema),
      schema,
      nullable,
      enumValues: Array.isArray(schema.enum) ? schema.enum : [],
      language: typeof schema["x-kumi-language"] === "string" ? (schema["x-kumi-language"] as string) : undefined,
    };
  });
}

/** Default value of one (already resolved) schema: its `default`, else a structural empty value for objects. */
export function defaultValue(schema: JsonSchema, root: JsonSchema): unknown {
  if ("default" in schema) return structuredClone(schema.default);
  const resolved = unwrapNullable(schema, root);
  if ("default" in resolved.schema) return structuredClone(resolved.schema.default);
  if (resolved.nullable) return null;
  if (resolved.schema.type === "array") return [];
  if (resolved.schema.type === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(asSchema(resolved.schema.properties))) {
      const value = defaultValue(asSchema(sub), root);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  return undefined;
}

/** Default params of a component: each property's `default` (objects built from their own defaults). */
export function defaultParams(paramsSchema: JsonSchema): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(asSchema(paramsSchema.properties))) {
    const value = defaultValue(asSchema(raw), paramsSchema);
    if (value !== undefined) params[name] = value;
  }
  return params;
}
