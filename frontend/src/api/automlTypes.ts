/** Shapes of the AutoML REST API (prefix /api/automl). */

export type AutoMLTask = "classification" | "regression";
export type AutoMLJobStatus = "queued" | "running" | "completed" | "failed" | "canceled";
export type Ensembling = "voting" | "stacking" | "none";
export type Validation = "auto" | number;

/** The body of `POST /api/automl/jobs`. */
export interface AutoMLJobRequest {
  dataset: string;
  dataset_version: number | null;
  target: string;
  task: AutoMLTask;
  metric: string | null;
  time_budget_s: number;
  n_jobs: number | null;
  validation: Validation;
  validation_dataset: string | null;
  allowed_models: string[] | null;
  blocked_models: string[];
  featurization: "auto" | "off" | Record<string, { purpose?: string; impute?: string }>;
  ensembling: Ensembling;
  trial_timeout_s: number | null;
  max_trials: number | null;
  exit_score: number | null;
  seed: number;
  name: string | null;
  experiment: string | null;
  register_model: string | null;
}

/** One trial of the leaderboard (live rows may come without a rank). */
export interface LeaderboardRow {
  rank?: number | null;
  trial: number;
  family: string;
  params: Record<string, unknown>;
  status: string;
  metric: number | null;
  fit_s: number | null;
  predict_s: number | null;
  error: unknown;
}

export interface Guardrail {
  name: string;
  status: "passed" | "done" | "alerted" | string;
  description: string;
  details: unknown;
}

export interface FeaturizationRow {
  column: string;
  type_detected: string;
  dropped: boolean;
  engineered_features: number;
  transformations: string[];
  reason?: string | null;
}

/** One column's permutation importance (kumi.automl names the column `feature`). */
export interface FeatureImportance {
  feature?: string;
  column?: string;
  importance: number;
  std?: number;
}

/** `AutoMLResult.to_dict()` of a completed job. */
export interface AutoMLResultSummary {
  task: AutoMLTask;
  metric: string;
  best_estimator: string;
  best_metric: number | null;
  settings: Record<string, unknown>;
  leaderboard: LeaderboardRow[];
  guardrails: Guardrail[];
  featurization: FeaturizationRow[];
  charts: Record<string, unknown>;
  feature_importance: FeatureImportance[];
  mlflow_run_id: string | null;
}

export interface AutoMLProgress {
  phase?: string;
  elapsed_s?: number;
  trials_done?: number;
  best_metric?: number | null;
  best_estimator?: string | null;
}

export interface AutoMLJob {
  id: string;
  name: string;
  status: AutoMLJobStatus | string;
  dataset: string;
  dataset_version: number | null;
  target: string;
  task: AutoMLTask;
  metric: string | null;
  settings: Record<string, unknown>;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  progress: AutoMLProgress | null;
  leaderboard: LeaderboardRow[];
  result: AutoMLResultSummary | null;
  error: { code?: string; message?: string } | null;
  mlflow_run_id: string | null;
  registered_model: { name: string; version: number | string } | null;
}
