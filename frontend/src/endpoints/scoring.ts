/** Sends a scoring request to an endpoint the way any client would: its URI and a key. */
import type { ScoringRow } from "../api/endpointHooks";

export interface ScoringResult {
  status: number;
  ok: boolean;
  rows: ScoringRow[] | null;
  error: string | null;
}

function errorOf(status: number, statusText: string, body: unknown, text: string): string {
  const err = (body as { error?: unknown } | null)?.error;
  const message =
    typeof err === "object" && err !== null && "message" in err
      ? String((err as { message: unknown }).message)
      : typeof err === "string"
        ? err
        : (body as { message?: string } | null)?.message ?? (text || statusText);
  return `${status} ${message}`.trim();
}

export async function sendScoringRequest(uri: string, key: string, body: string, outputName: string): Promise<ScoringResult> {
  const response = await fetch(uri, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${key}` },
    body,
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    return { status: response.status, ok: false, rows: null, error: errorOf(response.status, response.statusText, parsed, text) };
  }
  const results = (parsed as { Results?: Record<string, ScoringRow[]> } | null)?.Results ?? {};
  const rows = results[outputName] ?? Object.values(results)[0] ?? [];
  return { status: response.status, ok: true, rows, error: null };
}

/** Column names of result rows, in first-seen order. */
export function resultColumns(rows: ScoringRow[]): string[] {
  const names: string[] = [];
  for (const row of rows) for (const name of Object.keys(row)) if (!names.includes(name)) names.push(name);
  return names;
}
