/** A fetch stub answering API requests by "METHOD /api/path" (the query string matched only if given). */
import { vi } from "vitest";

export interface MockReply {
  status?: number;
  body?: unknown;
}

export type MockRoute = MockReply | ((init: RequestInit) => MockReply);

export interface RecordedCall {
  method: string;
  url: string;
  init: RequestInit;
}

export function mockApi(routes: Record<string, MockRoute>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = (init.method ?? "GET").toUpperCase();
    calls.push({ method, url, init });
    const path = url.split("?")[0];
    const route = routes[`${method} ${url}`] ?? routes[`${method} ${path}`];
    if (!route) {
      return new Response(JSON.stringify({ error: { code: "not_found", message: `No mock for ${method} ${url}` } }), {
        status: 404,
      });
    }
    const reply = typeof route === "function" ? route(init) : route;
    const status = reply.status ?? 200;
    const body = reply.body === undefined || status === 204 ? null : JSON.stringify(reply.body);
    return new Response(body, { status });
  });
  vi.stubGlobal("fetch", fetchMock);
  return {
    calls,
    /** The calls to one "METHOD /api/path" (query string ignored). */
    callsTo: (key: string) => calls.filter((c) => `${c.method} ${c.url.split("?")[0]}` === key),
  };
}

export function formOf(call: RecordedCall): FormData {
  return call.init.body as FormData;
}
