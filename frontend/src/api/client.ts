/** Typed fetch client: JSON in, JSON out, API errors thrown as ApiError. */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details: unknown = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const API_PREFIX = "/api";

function isErrorBody(body: unknown): body is { error: { code?: string; message?: string; details?: unknown } } {
  return typeof body === "object" && body !== null && typeof (body as { error?: unknown }).error === "object"
    && (body as { error?: unknown }).error !== null;
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

/** The error for a failed answer that is not in the API's error shape (e.g. a proxy's 413). */
function fallbackError(response: Response, payload: unknown): ApiError {
  if (response.status === 413) {
    return new ApiError(413, "upload_too_large", "The file is larger than the server accepts.", payload);
  }
  return new ApiError(response.status, "http_error", `${response.status} ${response.statusText}`.trim(), payload);
}

/** A request to the API: a JSON body, or FormData sent as multipart (the browser sets the boundary). */
export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { Accept: "application/json" } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, "Content-Type": "application/json" };
  }
  let response: Response;
  try {
    response = await fetch(API_PREFIX + path, init);
  } catch (err) {
    throw new ApiError(0, "network_error", err instanceof Error ? err.message : String(err));
  }
  const payload = await readBody(response);
  if (!response.ok) {
    if (isErrorBody(payload)) {
      const { code, message, details } = payload.error;
      throw new ApiError(response.status, code ?? "error", message ?? response.statusText, details ?? null);
    }
    throw fallbackError(response, payload);
  }
  return payload as T;
}

export const apiGet = <T>(path: string) => apiRequest<T>("GET", path);
export const apiPost = <T>(path: string, body?: unknown) => apiRequest<T>("POST", path, body ?? {});
export const apiPut = <T>(path: string, body?: unknown) => apiRequest<T>("PUT", path, body ?? {});
export const apiDelete = <T>(path: string) => apiRequest<T>("DELETE", path);
