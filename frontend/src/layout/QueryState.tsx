/** Loading and error display for a query. */
import type { ReactNode } from "react";
import { ApiError } from "../api/client";

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

export function QueryState({ isLoading, error, children }: { isLoading: boolean; error: unknown; children: ReactNode }) {
  if (isLoading) return <p className="muted">Loading…</p>;
  if (error) return <p className="field-error" role="alert">{errorMessage(error)}</p>;
  return <>{children}</>;
}
