import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { endpoint, keys, SCORING_URI } from "../test/endpointFixtures";
import { mockApi, type MockRoute } from "../test/mockApi";
import { renderPage } from "../test/renderPage";
import { EndpointPage } from "./EndpointPage";

vi.mock("echarts-for-react/lib/core", () => ({ default: () => <div data-testid="echarts" /> }));
afterEach(() => vi.unstubAllGlobals());

function setup(routes: Record<string, MockRoute> = {}) {
  const api = mockApi({
    ...routes,
    "GET /api/endpoints/credit-rt": { body: endpoint },
    "GET /api/endpoints/credit-rt/keys": { body: keys },
  });
  const page = renderPage(<EndpointPage />, { path: "/endpoints/:name", at: "/endpoints/credit-rt" });
  return Object.assign(api, page);
}

const openTab = async (name: string) => fireEvent.click(await screen.findByRole("tab", { name }, { timeout: 5000 }));

const scored = { Results: { output1: [{ age: 35, income: 51000.5, student: true, city: "Lyon", "Scored Labels": "good", "Scored Probabilities": 0.87 }] } };

describe("endpoint page", () => {
  it("shows where the endpoint answers and what it runs", async () => {
    setup();
    const panel = await screen.findByRole("tabpanel", { name: "Details" }, { timeout: 5000 });
    expect(panel).toHaveTextContent(SCORING_URI);
    expect(panel).toHaveTextContent("ONNX — every step compiles to ONNX");
    expect(panel).toHaveTextContent("credit-rt version 3");
    expect(within(panel).getByRole("link", { name: "credit-real-time" })).toHaveAttribute("href", "/pipelines/credit-real-time");
    expect(within(panel).getByRole("link", { name: "r1234567" })).toHaveAttribute("href", "/runs/r1234567890");
  });

  it("builds the Test form from the signature and sends it with the primary key", async () => {
    const api = setup({ [`POST ${SCORING_URI}`]: { body: scored } });
    await openTab("Test");
    expect(screen.getByLabelText("age")).toHaveAttribute("type", "number");
    expect(screen.getByLabelText("age")).toHaveValue(35);
    expect(screen.getByLabelText("income")).toHaveValue(51000.5);
    expect(screen.getByLabelText("student")).toHaveAttribute("type", "checkbox");
    expect(screen.getByLabelText("student")).not.toBeChecked();
    expect(screen.getByLabelText("city")).toHaveAttribute("type", "text");
    expect(screen.getByLabelText("city")).toHaveValue("O'Hare");

    fireEvent.click(screen.getByLabelText("student"));
    fireEvent.change(screen.getByLabelText("city"), { target: { value: "Lyon" } });
    fireEvent.change(screen.getByLabelText("income"), { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Test" }));

    const result = await screen.findByTestId("test-result", {}, { timeout: 5000 });
    const [call] = api.callsTo(`POST ${SCORING_URI}`);
    expect(call.url).toBe(SCORING_URI);
    expect((call.init.headers as Record<string, string>).Authorization).toBe("Bearer pk-AAAA");
    expect(JSON.parse(String(call.init.body))).toEqual({
      Inputs: { input1: [{ age: 35, income: null, student: true, city: "Lyon" }] },
      GlobalParameters: {},
    });
    expect(within(result).getByRole("columnheader", { name: "Scored Labels" })).toBeInTheDocument();
    expect(within(result).getByRole("columnheader", { name: "Scored Probabilities" })).toBeInTheDocument();
    expect(result).toHaveTextContent("good");
    expect(result).toHaveTextContent("0.87");
  });

  it("sends the raw JSON body as written and shows the error the endpoint answers", async () => {
    const api = setup({
      [`POST ${SCORING_URI}`]: {
        status: 400,
        body: { error: { code: "invalid_input", message: "Row 0, column 'age': expected integer, got 'old'." } },
      },
    });
    await openTab("Test");
    fireEvent.click(screen.getByLabelText("Raw JSON"));
    const textarea = screen.getByLabelText("Request body");
    expect(JSON.parse((textarea as HTMLTextAreaElement).value)).toEqual(endpoint.input_example);
    const raw = '{"Inputs": {"input1": [{"age": "old"}]}, "GlobalParameters": {}}';
    fireEvent.change(textarea, { target: { value: raw } });
    fireEvent.click(screen.getByRole("button", { name: "Test" }));
    expect(await screen.findByTestId("test-error", {}, { timeout: 5000 })).toHaveTextContent(
      "400 Row 0, column 'age': expected integer, got 'old'.",
    );
    expect(api.callsTo(`POST ${SCORING_URI}`)[0].init.body).toBe(raw);
  });

  it("refuses a raw body that is not JSON without sending it", async () => {
    const api = setup();
    await openTab("Test");
    fireEvent.click(screen.getByLabelText("Raw JSON"));
    fireEvent.change(screen.getByLabelText("Request body"), { target: { value: "{oops" } });
    fireEvent.click(screen.getByRole("button", { name: "Test" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("not valid JSON");
    expect(api.callsTo(`POST ${SCORING_URI}`)).toHaveLength(0);
  });

  it("gives samples in curl, Python and C# with the URI, the key and the example body", async () => {
    setup();
    await openTab("Consume");
    expect(await screen.findByLabelText("Primary key", {}, { timeout: 5000 })).toHaveValue("pk-AAAA");
    expect(screen.getByLabelText("Secondary key")).toHaveValue("sk-BBBB");
    const curl = screen.getByTestId("sample-code").textContent ?? "";
    expect(curl).toContain(`curl -X POST '${SCORING_URI}'`);
    expect(curl).toContain("'Authorization: Bearer pk-AAAA'");
    expect(curl).toContain(`"city": "O'\\''Hare"`); // the single quote survives the shell
    for (const [tab, expected] of [
      ["Python (requests)", "requests.post(url"],
      ["Python (urllib)", "urllib.request.urlopen"],
      ["C# (HttpClient)", 'new AuthenticationHeaderValue("Bearer", "pk-AAAA")'],
    ]) {
      fireEvent.click(screen.getByRole("tab", { name: tab }));
      const code = screen.getByTestId("sample-code").textContent ?? "";
      expect(code).toContain(SCORING_URI);
      expect(code).toContain("pk-AAAA");
      expect(code).toContain('"income": 51000.5');
      expect(code).toContain(expected);
    }
  });

  it("regenerates a key after confirming and shows the new one", async () => {
    vi.stubGlobal("confirm", vi.fn(() => true));
    const api = setup({
      "POST /api/endpoints/credit-rt/keys/regenerate": { body: { primary_key: "pk-AAAA", secondary_key: "sk-NEW" } },
    });
    await openTab("Consume");
    fireEvent.click(await screen.findByRole("button", { name: "Regenerate secondary key" }, { timeout: 5000 }));
    await waitFor(() => expect(screen.getByLabelText("Secondary key")).toHaveValue("sk-NEW"));
    expect(JSON.parse(String(api.callsTo("POST /api/endpoints/credit-rt/keys/regenerate")[0].init.body))).toEqual({
      key_type: "secondary",
    });
  });

  it("shows request metrics with latency percentiles and a per-minute chart", async () => {
    setup({
      "GET /api/endpoints/credit-rt/metrics": {
        body: {
          requests: 120,
          errors: 3,
          latency_ms: { p50: 1.25, p90: 2.5, p99: 9.75 },
          per_minute: [{ minute: "2026-11-23T10:00:00+00:00", requests: 120, errors: 3, p50_ms: 1.25 }],
        },
      },
    });
    await openTab("Monitoring");
    const metrics = await screen.findByTestId("endpoint-metrics", {}, { timeout: 5000 });
    expect(metrics).toHaveTextContent("Requests120");
    expect(metrics).toHaveTextContent("Errors3");
    expect(metrics).toHaveTextContent("Latency p501.25 ms");
    expect(metrics).toHaveTextContent("Latency p999.75 ms");
    expect(await screen.findByTestId("echarts", {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it("shows the last log lines and reads them again on Refresh", async () => {
    let reads = 0;
    const api = setup({ "GET /api/endpoints/credit-rt/logs": () => ({ body: { lines: [`line ${++reads}`] } }) });
    await openTab("Logs");
    expect(await screen.findByTestId("endpoint-logs", {}, { timeout: 5000 })).toHaveTextContent("line 1");
    expect(api.callsTo("GET /api/endpoints/credit-rt/logs")[0].url).toContain("tail=200");
    fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
    await waitFor(() => expect(screen.getByTestId("endpoint-logs")).toHaveTextContent("line 2"));
  });

  it("deletes the endpoint after confirming, then goes to the endpoints list", async () => {
    vi.stubGlobal("confirm", vi.fn(() => true));
    const api = setup({ "DELETE /api/endpoints/credit-rt": { status: 204 } });
    fireEvent.click(await screen.findByRole("button", { name: "Delete endpoint" }, { timeout: 5000 }));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/endpoints"));
    expect(api.callsTo("DELETE /api/endpoints/credit-rt")).toHaveLength(1);
  });
});
