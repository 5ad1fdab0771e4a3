/** Display text for table cells, counts and statistics. */

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A count: 12,345. */
export function countText(value: number): string {
  return value.toLocaleString("en-US");
}

/** A statistic (min, max, mean...): up to 4 significant digits, no digit grouping (years stay 2007). */
export function statText(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (Number.isInteger(value)) return String(value);
  return value.toLocaleString("en-US", { maximumSignificantDigits: 4, useGrouping: false });
}
