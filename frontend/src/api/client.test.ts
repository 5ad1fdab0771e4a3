import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiGet, apiPut } from "./client";

function mockFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("api client", () => {
  it("returns parsed JSON on success", async () => {
    const fetchMock = mockFetch(200, { components: [] });
    await expect(apiGet("/components")).resolves.toEqual({ components: [] });
    expect(fetchMock).toHaveBeenCalledWith("/api/components", expect.objectContaining({ method: "GET" }));
  });

  it("sends JSON bodies", async () => {
    const fetchMock = mockFetch(200, { id: "p" });
    await apiPut("/pipelines/p", { document: { name: "x" } });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe("PUT");
    expect(JSON.parse(init.body as string)).toEqual({ document: { name: "x" } });
  });

  it("throws ApiError with code, message and details", async () => {
    mockFetch(422, { error: { code: "invalid_pipeline", message: "Bad edge", details: [{ edge: 1 }] } });
    const error = await apiGet("/pipelines/p").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: "invalid_pipeline", message: "Bad edge", details: [{ edge: 1 }] });
  });

  it("throws ApiError for errors without the error shape", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("boom", { status: 500, statusText: "Server Error" })));
    await expect(apiGet("/runs")).rejects.toMatchObject({ status: 500, code: "http_error" });
  });
});
