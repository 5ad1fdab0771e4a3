import { describe, expect, it } from "vitest";
import { formatSeconds, statusClassName, statusLabel, stepLook } from "./statusStyle";

describe("status style", () => {
  it("maps every step status to its class", () => {
    const statuses = ["queued", "running", "completed", "reused", "failed", "canceled"];
    expect(statuses.map(statusClassName)).toEqual(statuses.map((s) => `status-${s}`));
    expect(statusClassName("weird")).toBe("status-unknown");
    expect(statusLabel("weird")).toBe("weird");
  });

  it("uses the reason as the tooltip of a reused step", () => {
    const look = stepLook({ status: "reused", reason: "reused: same inputs and parameters", error: null });
    expect(look).toEqual({ className: "status-reused", label: "Reused", title: "Reused: reused: same inputs and parameters" });
  });

  it("uses the error as the tooltip of a failed step", () => {
    expect(stepLook({ status: "failed", reason: null, error: "Column missing" }).title).toBe("Failed: Column missing");
    expect(stepLook({ status: "running", reason: "x", error: null }).title).toBe("Running");
  });

  it("formats durations", () => {
    expect(formatSeconds(null)).toBe("");
    expect(formatSeconds(0.0123)).toBe("12 ms");
    expect(formatSeconds(11.81)).toBe("11.8 s");
    expect(formatSeconds(125)).toBe("2 min 5 s");
  });
});
