/** The multipart bodies of the dataset upload: inspect (preview only) and register. */

export type FileFormat = "auto" | "csv" | "tsv" | "parquet" | "jsonl";

export const FILE_FORMATS: { value: FileFormat; label: string }[] = [
  { value: "auto", label: "Detect from the file name" },
  { value: "csv", label: "CSV" },
  { value: "tsv", label: "TSV" },
  { value: "parquet", label: "Parquet" },
  { value: "jsonl", label: "JSON lines" },
];

export interface ReadOptions {
  fileFormat: FileFormat;
  encoding: string;
  hasHeader: boolean;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { fileFormat: "auto", encoding: "utf-8", hasHeader: true };

export interface RoleChoices {
  name: string;
  description: string;
  label: string;
  categorical: string[];
  ignore: string[];
  /** Column → type chosen instead of the inferred one (only the changed columns). */
  types?: Record<string, string>;
}

export const COLUMN_TYPES = ["string", "integer", "double", "boolean", "datetime"] as const;

function appendReadOptions(form: FormData, file: File, options: ReadOptions): FormData {
  form.append("file", file, file.name);
  form.append("file_format", options.fileFormat);
  form.append("encoding", options.encoding.trim() || "utf-8");
  form.append("has_header", options.hasHeader ? "true" : "false");
  return form;
}

export function inspectForm(file: File, options: ReadOptions): FormData {
  return appendReadOptions(new FormData(), file, options);
}

export function registerForm(file: File, options: ReadOptions, roles: RoleChoices): FormData {
  const form = appendReadOptions(new FormData(), file, options);
  form.append("name", roles.name.trim());
  form.append("description", roles.description.trim());
  if (roles.label) form.append("label", roles.label);
  roles.categorical.forEach((column) => form.append("categorical", column));
  roles.ignore.forEach((column) => form.append("ignore", column));
  if (roles.types && Object.keys(roles.types).length) form.append("column_types", JSON.stringify(roles.types));
  return form;
}
