/** Leaderboard order and number formatting: best first by the primary metric. */
import type { LeaderboardRow } from "../api/automlTypes";

/** Metrics where a smaller value is better. */
export const LOWER_IS_BETTER = new Set(["log_loss", "rmse", "mae"]);

export const ENSEMBLE_TRIAL = -1;

/** Rows ranked by the server as they are; otherwise completed trials best first (ranked
 * 1, 2, …), then the rest in trial order. */
export function rankedRows(rows: LeaderboardRow[], metric: string | null | undefined): LeaderboardRow[] {
  if (rows.length > 0 && rows.every((r) => typeof r.rank === "number")) {
    return [...rows].sort((a, b) => (a.rank as number) - (b.rank as number));
  }
  const sign = metric && LOWER_IS_BETTER.has(metric) ? 1 : -1;
  const scored = rows.filter((r) => r.status === "completed" && typeof r.metric === "number");
  const others = rows.filter((r) => !scored.includes(r)).sort((a, b) => a.trial - b.trial);
  scored.sort((a, b) => sign * ((a.metric as number) - (b.metric as number)) || a.trial - b.trial);
  return [...scored.map((r, i) => ({ ...r, rank: i + 1 })), ...others.map((r) => ({ ...r, rank: null }))];
}

export function formatMetric(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const size = Math.abs(value);
  return size !== 0 && (size >= 10000 || size < 0.001) ? value.toPrecision(4) : value.toFixed(4);
}

/** A hyperparameter value as short text (nested objects, e.g. ensemble weights, as {k: v}). */
function paramText(value: unknown): string {
  if (typeof value === "number" && !Number.isInteger(value)) return value.toPrecision(3);
  if (Array.isArray(value)) return `[${value.map(paramText).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.entries(value).map(([k, v]) => `${k}: ${paramText(v)}`).join(", ")}}`;
  }
  return String(value);
}

/** A trial's hyperparameters as short "name=value" text. */
export function paramsText(params: Record<string, unknown> | null | undefined): string {
  return Object.entries(params ?? {})
    .map(([name, value]) => `${name}=${paramText(value)}`)
    .join(", ");
}

/** A trial error (text or {message}) as text. */
export function trialError(error: unknown): string {
  if (!error) return "";
  if (typeof error === "string") return error;
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" ? message : JSON.stringify(error);
}
