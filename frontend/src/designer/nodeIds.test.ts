import { describe, expect, it } from "vitest";
import { uniqueNodeId } from "./nodeIds";

describe("uniqueNodeId", () => {
  it("uses the component id when free", () => {
    expect(uniqueNodeId("split_data", [])).toBe("split_data");
    expect(uniqueNodeId("split_data", ["train_model"])).toBe("split_data");
  });

  it("appends the first free counter from 2", () => {
    expect(uniqueNodeId("split_data", ["split_data"])).toBe("split_data_2");
    expect(uniqueNodeId("split_data", ["split_data", "split_data_2"])).toBe("split_data_3");
    expect(uniqueNodeId("split_data", ["split_data", "split_data_3"])).toBe("split_data_2");
  });
});
