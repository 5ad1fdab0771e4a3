/** Builds the POST /api/runs body from the submit dialog's fields. */
import type { RunRequestBody } from "../api/runHooks";

/** The text shown in a parameter field for a document value. */
export function parameterText(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value ?? null);
}

/** Reads a field back, keeping the type of the document's default (number, boolean, JSON or text). */
export function parseParameter(text: string, original: unknown): unknown {
  const trimmed = text.trim();
  if (typeof original === "string") return text;
  if (typeof original === "number") {
    const n = Number(trimmed);
    if (trimmed === "" || Number.isNaN(n)) throw new Error(`"${text}" is not a number.`);
    return n;
  }
  if (typeof original === "boolean") {
    if (trimmed === "true" || trimmed === "false") return trimmed === "true";
    throw new Error(`"${text}" is not true or false.`);
  }
  try {
    return JSON.parse(trimmed);
  } catch {
    return text;
  }
}

export function buildRunRequest(args: {
  pipeline: string;
  experiment: string;
  parameterTexts: Record<string, string>;
  defaults: Record<string, unknown>;
  regenerate?: string[];
}): RunRequestBody {
  const parameters: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(args.parameterTexts)) {
    try {
      parameters[name] = parseParameter(text, args.defaults[name]);
    } catch (err) {
      throw new Error(`Parameter "${name}": ${(err as Error).message}`);
    }
  }
  const body: RunRequestBody = { pipeline: args.pipeline, parameters };
  const experiment = args.experiment.trim();
  if (experiment) body.experiment = experiment;
  if (args.regenerate?.length) body.regenerate = args.regenerate;
  return body;
}
