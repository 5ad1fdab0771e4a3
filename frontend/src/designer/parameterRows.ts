/** Pipeline parameters as editable rows (name + value text) and back. */
import { parameterText } from "../runs/runRequest";

export interface ParameterRow {
  name: string;
  text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function rowsOf(parameters: Record<string, unknown>): ParameterRow[] {
  return Object.entries(parameters).map(([name, value]) => ({ name, text: parameterText(value) }));
}

/** A value typed as text: a number, true/false, or the text itself. */
export function valueOf(text: string): unknown {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (trimmed === "true" || trimmed === "false") return trimmed === "true";
  return text;
}

/** What is wrong with each row (by index); empty when the rows make a valid parameter set. */
export function rowProblems(rows: ParameterRow[]): Record<number, string> {
  const problems: Record<number, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!NAME.test(row.name)) {
      problems[i] = "Name it with letters, digits and _ (not starting with a digit).";
    } else if (seen.has(row.name)) {
      problems[i] = `"${row.name}" is already a parameter; names must be unique.`;
    }
    seen.add(row.name);
  });
  return problems;
}

export function parametersOf(rows: ParameterRow[]): Record<string, unknown> {
  return Object.fromEntries(rows.map((row) => [row.name, valueOf(row.text)]));
}

/** The reference a node parameter uses to take the pipeline parameter's value. */
export function parameterRef(name: string): string {
  return `\${parameters.${name}}`;
}
