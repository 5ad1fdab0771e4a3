import { describe, expect, it } from "vitest";
import { errorText } from "./runHooks";

describe("errorText", () => {
  it("shows the message of the API's error object, and plain text as it is", () => {
    expect(errorText({ code: "component_error", message: "ValueError: negative", details: {} })).toBe(
      "ValueError: negative",
    );
    expect(errorText("it broke")).toBe("it broke");
    expect(errorText(null)).toBeNull();
  });
});
