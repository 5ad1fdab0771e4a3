/** Multipart POST to the API: FormData in, JSON out, API errors thrown as ApiError. */
import { ApiError } from "../api/client";

interface ErrorBody {
  error: { code?: string; message?: string; details?: unknown };
}

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === "object" && error !== null;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function fallbackError(response: Response, payload: unknown): ApiError {
  if (response.status === 413) {
    return new ApiError(413, "upload_too_large", "The file is larger than the server accepts.", payload);
  }
  return new ApiError(response.status, "http_error", `${response.status} ${response.statusText}`.trim(), payload);
}

export async function postForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    // No Content-Type header: the browser sets the multipart boundary itself.
    response = await fetch(`/api${path}`, { method: "POST", headers: { Accept: "application/json" }, body: form });
  } catch (err) {
    throw new ApiError(0, "network_error", err instanceof Error ? err.message : String(err));
  }
  const payload = await readBody(response);
  if (response.ok) return payload as T;
  if (isErrorBody(payload)) {
    const { code, message, details } = payload.error;
    throw new ApiError(response.status, code ?? "error", message ?? response.statusText, details ?? null);
  }
  throw fallbackError(response, payload);
}
