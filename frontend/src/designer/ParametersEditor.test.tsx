import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { parametersOf, rowProblems, valueOf } from "./parameterRows";
import { ParametersEditor } from "./ParametersEditor";

describe("parameter rows", () => {
  it("types values as numbers, booleans or text", () => {
    expect(valueOf("0.25")).toBe(0.25);
    expect(valueOf("-3")).toBe(-3);
    expect(valueOf("true")).toBe(true);
    expect(valueOf("data/x.csv")).toBe("data/x.csv");
    expect(valueOf("1e3")).toBe(1000);
    expect(valueOf("")).toBe("");
    expect(parametersOf([{ name: "seed", text: "7" }, { name: "path", text: "a.csv" }])).toEqual({ seed: 7, path: "a.csv" });
  });

  it("names bad and repeated names", () => {
    const problems = rowProblems([
      { name: "ok_1", text: "" },
      { name: "1bad", text: "" },
      { name: "ok_1", text: "" },
      { name: "has space", text: "" },
    ]);
    expect(Object.keys(problems)).toEqual(["1", "2", "3"]);
    expect(problems[2]).toContain("unique");
  });
});

describe("ParametersEditor", () => {
  it("adds, edits and removes parameters, applying only valid sets", () => {
    const onChange = vi.fn();
    render(<ParametersEditor parameters={{ seed: 7 }} onChange={onChange} />);
    expect((screen.getByLabelText("Parameter 1 default") as HTMLInputElement).value).toBe("7");
    expect(screen.getByText("${parameters.seed}")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Add parameter" }));
    expect(onChange).toHaveBeenLastCalledWith({ seed: 7, param2: "" });
    fireEvent.change(screen.getByLabelText("Parameter 2 name"), { target: { value: "seed" } });
    expect(screen.getByRole("alert")).toHaveTextContent("already a parameter");
    expect(onChange).toHaveBeenCalledTimes(1); // the duplicate was not applied
    fireEvent.change(screen.getByLabelText("Parameter 2 name"), { target: { value: "fraction" } });
    fireEvent.change(screen.getByLabelText("Parameter 2 default"), { target: { value: "0.7" } });
    expect(onChange).toHaveBeenLastCalledWith({ seed: 7, fraction: 0.7 });
    fireEvent.click(screen.getByRole("button", { name: "Remove parameter seed" }));
    expect(onChange).toHaveBeenLastCalledWith({ fraction: 0.7 });
  });
});
