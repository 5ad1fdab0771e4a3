import { describe, expect, it } from "vitest";
import { EMPTY_FORM, firstProblem, jobRequest, MODEL_FAMILIES, stepProblem, type WizardForm } from "./wizardForm";

const complete: WizardForm = { ...EMPTY_FORM, dataset: "iris", datasetVersion: 1, target: "species", task: "classification" };

describe("wizard form", () => {
  it("finds the first incomplete step", () => {
    expect(firstProblem(EMPTY_FORM)).toEqual({ step: 0, problem: "Choose a dataset." });
    expect(firstProblem({ ...complete, target: "" })?.step).toBe(1);
    expect(firstProblem({ ...complete, task: "" })?.step).toBe(2);
    expect(firstProblem(complete)).toBeNull();
  });

  it("rejects a metric of the other task and bad settings", () => {
    expect(stepProblem(2, { ...complete, metric: "rmse" })).toBe("rmse is not a classification metric.");
    expect(stepProblem(3, { ...complete, timeBudget: "-5" })).toMatch(/time budget/);
    expect(stepProblem(3, { ...complete, timeBudget: "" })).toMatch(/time budget/);
    expect(stepProblem(3, { ...complete, validation: "kfold", folds: "1" })).toMatch(/at least 2/);
    expect(stepProblem(3, { ...complete, validation: "kfold", folds: "2.5" })).toMatch(/whole number/);
    expect(stepProblem(3, { ...complete, blocked: [...MODEL_FAMILIES] })).toMatch(/at least one model family/);
    expect(stepProblem(3, { ...complete, nJobs: "0" })).toMatch(/Parallel jobs/);
    expect(stepProblem(3, { ...complete, maxTrials: "x" })).toMatch(/Max trials/);
    expect(stepProblem(3, { ...complete, exitScore: "abc" })).toMatch(/exit score/);
    expect(stepProblem(3, { ...complete, exitScore: "0.99", nJobs: "2" })).toBeNull();
  });

  it("sends auto validation, a holdout fraction, the default metric as null and a trimmed name", () => {
    expect(jobRequest(complete)).toMatchObject({ validation: "auto", metric: null, name: null, time_budget_s: 60 });
    const holdout = jobRequest({ ...complete, validation: "holdout", holdout: "0.25", name: "  mine ", exitScore: "0.9" });
    expect(holdout).toMatchObject({ validation: 0.25, name: "mine", exit_score: 0.9 });
  });
});
