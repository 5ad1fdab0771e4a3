/** Column role choices of the upload wizard: defaults from the inspected columns, edits. */
import type { DatasetColumn } from "../api/types";
import type { RoleChoices } from "./uploadForms";

type ColumnRoles = Pick<RoleChoices, "label" | "categorical" | "ignore">;

/** What the server inferred: its label guess, categorical and ignored columns. */
export function inferredRoles(columns: DatasetColumn[]): ColumnRoles {
  return {
    label: columns.find((c) => c.role === "label")?.name ?? "",
    categorical: columns.filter((c) => c.categorical).map((c) => c.name),
    ignore: columns.filter((c) => c.role === "ignore").map((c) => c.name),
  };
}

function toggled(names: string[], name: string, on: boolean): string[] {
  const rest = names.filter((n) => n !== name);
  return on ? [...rest, name] : rest;
}

/** The label cannot also be ignored. */
export function withLabel(roles: RoleChoices, label: string): RoleChoices {
  return { ...roles, label, ignore: roles.ignore.filter((n) => n !== label) };
}

export function withCategorical(roles: RoleChoices, column: string, on: boolean): RoleChoices {
  return { ...roles, categorical: toggled(roles.categorical, column, on) };
}

export function withIgnored(roles: RoleChoices, column: string, on: boolean): RoleChoices {
  if (on && column === roles.label) return roles;
  return { ...roles, ignore: toggled(roles.ignore, column, on) };
}

/** Keeps the column order of the table in the lists sent to the server. */
export function inColumnOrder(names: string[], columns: DatasetColumn[]): string[] {
  const chosen = new Set(names);
  return columns.map((c) => c.name).filter((n) => chosen.has(n));
}

/** ``roles`` with ``column`` read as ``type`` (back to the inferred type: no choice kept). */
export function withType(roles: RoleChoices, column: string, type: string, inferred: string): RoleChoices {
  const types = { ...(roles.types ?? {}) };
  if (type === inferred) delete types[column];
  else types[column] = type;
  return { ...roles, types };
}
