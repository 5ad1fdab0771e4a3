/** The AutoML wizard's choices, their checks step by step, and the request they make. */
import type { AutoMLJobRequest, AutoMLTask, Ensembling } from "../api/automlTypes";

export const WIZARD_STEPS = ["Dataset", "Target", "Task and metric", "Settings"];

/** Model families AutoML searches (kumi.automl.families). */
export const MODEL_FAMILIES = ["lightgbm", "xgboost", "random_forest", "extra_trees", "elastic_net", "knn", "mlp"];

export const TASK_METRICS: Record<AutoMLTask, string[]> = {
  classification: ["auc", "accuracy", "log_loss", "f1", "precision", "recall"],
  regression: ["r2", "rmse", "mae"],
};

export type ValidationKind = "auto" | "kfold" | "holdout";

export interface WizardForm {
  dataset: string;
  datasetVersion: number | null;
  target: string;
  task: AutoMLTask | "";
  /** "" lets the server choose (auc for two classes, log_loss for more, r2 for regression). */
  metric: string;
  timeBudget: string;
  validation: ValidationKind;
  folds: string;
  holdout: string;
  blocked: string[];
  nJobs: string;
  ensembling: Ensembling;
  maxTrials: string;
  exitScore: string;
  name: string;
}

export const EMPTY_FORM: WizardForm = {
  dataset: "",
  datasetVersion: null,
  target: "",
  task: "",
  metric: "",
  timeBudget: "60",
  validation: "auto",
  folds: "5",
  holdout: "0.2",
  blocked: [],
  nJobs: "",
  ensembling: "voting",
  maxTrials: "",
  exitScore: "",
  name: "",
};

const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
const blank = (text: string) => text.trim() === "";
const isWhole = (value: number) => Number.isInteger(value);

function settingsProblem(form: WizardForm): string | null {
  const budget = number(form.timeBudget);
  if (!(budget > 0)) return "The time budget must be a number of seconds above 0.";
  if (form.validation === "kfold" && !(isWhole(number(form.folds)) && number(form.folds) >= 2)) {
    return "k-fold validation needs a whole number of folds, at least 2.";
  }
  const fraction = number(form.holdout);
  if (form.validation === "holdout" && !(fraction > 0 && fraction < 1)) {
    return "The holdout fraction lies between 0 and 1, e.g. 0.2.";
  }
  if (form.blocked.length >= MODEL_FAMILIES.length) return "Leave at least one model family unblocked.";
  if (!blank(form.nJobs) && !(isWhole(number(form.nJobs)) && number(form.nJobs) >= 1)) {
    return "Parallel jobs must be a whole number, at least 1 (empty: all cores).";
  }
  if (!blank(form.maxTrials) && !(isWhole(number(form.maxTrials)) && number(form.maxTrials) >= 1)) {
    return "Max trials must be a whole number, at least 1 (empty: no limit).";
  }
  if (!blank(form.exitScore) && Number.isNaN(number(form.exitScore))) return "The exit score must be a number.";
  return null;
}

/** What keeps the wizard from leaving step `step`, or null when it may go on. */
export function stepProblem(step: number, form: WizardForm): string | null {
  if (step === 0) return form.dataset ? null : "Choose a dataset.";
  if (step === 1) return form.target ? null : "Choose the target column (the one to predict).";
  if (step === 2) {
    if (!form.task) return "Choose the task.";
    if (form.metric && !TASK_METRICS[form.task].includes(form.metric)) {
      return `${form.metric} is not a ${form.task} metric.`;
    }
    return null;
  }
  return settingsProblem(form);
}

/** The first step with a problem, or null when every step is complete. */
export function firstProblem(form: WizardForm): { step: number; problem: string } | null {
  for (let step = 0; step < WIZARD_STEPS.length; step += 1) {
    const problem = stepProblem(step, form);
    if (problem) return { step, problem };
  }
  return null;
}

const optionalNumber = (text: string) => (blank(text) ? null : Number(text));

function validationValue(form: WizardForm): AutoMLJobRequest["validation"] {
  if (form.validation === "kfold") return Math.trunc(Number(form.folds));
  if (form.validation === "holdout") return Number(form.holdout);
  return "auto";
}

/** The body of POST /api/automl/jobs for a complete form. */
export function jobRequest(form: WizardForm): AutoMLJobRequest {
  return {
    dataset: form.dataset,
    dataset_version: form.datasetVersion,
    target: form.target,
    task: form.task || "classification",
    metric: form.metric || null,
    time_budget_s: Number(form.timeBudget),
    n_jobs: optionalNumber(form.nJobs),
    validation: validationValue(form),
    validation_dataset: null,
    allowed_models: null,
    blocked_models: MODEL_FAMILIES.filter((family) => form.blocked.includes(family)),
    featurization: "auto",
    ensembling: form.ensembling,
    trial_timeout_s: null,
    max_trials: optionalNumber(form.maxTrials),
    exit_score: optionalNumber(form.exitScore),
    seed: 0,
    name: blank(form.name) ? null : form.name.trim(),
    experiment: null,
    register_model: null,
  };
}
