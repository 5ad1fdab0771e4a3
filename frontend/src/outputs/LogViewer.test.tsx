import { act, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LogViewer } from "./LogViewer";

afterEach(() => vi.unstubAllGlobals());

describe("LogViewer", () => {
  it("reads the log from offset 0 and follows it until the step is finished", async () => {
    const chunks = [
      { text: "line 1\n", offset: 7, finished: false },
      { text: "line 2\n", offset: 14, finished: true },
    ];
    const fetchMock = vi.fn(async (_url: string) => Response.json(chunks.shift()));
    vi.stubGlobal("fetch", fetchMock);
    render(<LogViewer runId="r1" nodeId="train" />);
    await waitFor(() => expect(screen.getByTestId("step-log")).toHaveTextContent("line 1"));
    expect(screen.getByText("Following the log…")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("step-log").textContent).toBe("line 1\nline 2\n"), { timeout: 3000 });
    expect(screen.queryByText("Following the log…")).toBeNull();
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(["/api/runs/r1/steps/train/log?offset=0", "/api/runs/r1/steps/train/log?offset=7"]);
  });

  it("shows an error from the log endpoint", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ error: { code: "not_found", message: "No step 'x'." } }, { status: 404 })));
    render(<LogViewer runId="r1" nodeId="x" />);
    expect(await screen.findByRole("alert")).toHaveTextContent("No step 'x'. (not_found)");
  });

  it("follows the live stream where the browser has EventSource, falling back to reading the log", async () => {
    const streams: FakeEventSource[] = [];
    class FakeEventSource {
      static CLOSED = 2;
      readyState = 1;
      listeners = new Map<string, (e: MessageEvent<string>) => void>();
      onerror: (() => void) | null = null;
      constructor(public url: string) {
        streams.push(this);
      }
      addEventListener(name: string, listener: (e: MessageEvent<string>) => void) {
        this.listeners.set(name, listener);
      }
      emit(name: string, data: unknown) {
        this.listeners.get(name)?.(new MessageEvent(name, { data: JSON.stringify(data) }));
      }
      close() {
        this.readyState = 2;
      }
    }
    vi.stubGlobal("EventSource", FakeEventSource);
    const fetchMock = vi.fn(async () => Response.json({ text: "all\n", offset: 4, finished: true }));
    vi.stubGlobal("fetch", fetchMock);
    const { unmount } = render(<LogViewer runId="r1" nodeId="train" />);
    expect(streams[0].url).toBe("/api/runs/r1/steps/train/log/stream");
    act(() => streams[0].emit("log", "epoch 1\n"));
    act(() => streams[0].emit("log", "epoch 2\n"));
    expect(screen.getByTestId("step-log").textContent).toBe("epoch 1\nepoch 2\n");
    expect(screen.getByText("Following the log…")).toBeInTheDocument();
    act(() => streams[0].emit("end", {}));
    expect(screen.queryByText("Following the log…")).toBeNull();
    expect(streams[0].readyState).toBe(2);
    expect(fetchMock).not.toHaveBeenCalled();
    unmount();

    render(<LogViewer runId="r1" nodeId="score" />);
    act(() => streams[1].emit("log", "partial"));
    act(() => streams[1].onerror?.());
    await waitFor(() => expect(screen.getByTestId("step-log").textContent).toBe("all\n"));
    expect(fetchMock.mock.calls.map((c) => (c as unknown[])[0])).toEqual(["/api/runs/r1/steps/score/log?offset=0"]);
  });
});
