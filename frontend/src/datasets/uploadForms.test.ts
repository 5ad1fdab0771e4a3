import { describe, expect, it } from "vitest";
import { DEFAULT_READ_OPTIONS, inspectForm, registerForm } from "./uploadForms";

const file = new File(["a,b\n1,2\n"], "data.csv");

describe("upload forms", () => {
  it("inspect sends the file and how to read it", () => {
    const form = inspectForm(file, { fileFormat: "tsv", encoding: " latin-1 ", hasHeader: false });
    expect([...form.keys()]).toEqual(["file", "file_format", "encoding", "has_header"]);
    expect((form.get("file") as File).name).toBe("data.csv");
    expect(form.get("file_format")).toBe("tsv");
    expect(form.get("encoding")).toBe("latin-1");
    expect(form.get("has_header")).toBe("false");
  });

  it("register repeats categorical and ignore once per column", () => {
    const form = registerForm(file, DEFAULT_READ_OPTIONS, {
      name: " sales ",
      description: "",
      label: "b",
      categorical: ["a", "c"],
      ignore: ["d", "e"],
    });
    expect(form.get("name")).toBe("sales");
    expect(form.get("label")).toBe("b");
    expect(form.get("has_header")).toBe("true");
    expect(form.getAll("categorical")).toEqual(["a", "c"]);
    expect(form.getAll("ignore")).toEqual(["d", "e"]);
  });

  it("leaves out the label when there is none", () => {
    const form = registerForm(file, DEFAULT_READ_OPTIONS, { name: "x", description: "", label: "", categorical: [], ignore: [] });
    expect(form.has("label")).toBe(false);
    expect(form.has("categorical")).toBe(false);
  });
});
