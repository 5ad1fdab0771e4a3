import { render, screen, waitFor } from "@testing-library/react";
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
});
