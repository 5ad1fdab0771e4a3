/** AutoML jobs as the REST API answers them (running, completed classification, regression). */
import type { AutoMLJob, LeaderboardRow } from "../api/automlTypes";

export const trial = (n: number, metric: number, family = "lightgbm"): LeaderboardRow => ({
  trial: n,
  family,
  params: { n_estimators: 100 + n, learning_rate: 0.05 },
  status: "completed",
  metric,
  fit_s: 0.4,
  predict_s: 0.01,
  error: null,
});

export const runningJob: AutoMLJob = {
  id: "j1",
  name: "automl-credit-1",
  status: "running",
  dataset: "credit",
  dataset_version: 2,
  target: "default",
  task: "classification",
  metric: "auc",
  settings: { time_budget_s: 60, validation: "auto" },
  created_at: "2026-11-23T10:00:00Z",
  started_at: "2026-11-23T10:00:01Z",
  finished_at: null,
  progress: { phase: "searching", elapsed_s: 15, trials_done: 1, best_metric: 0.91, best_estimator: "lightgbm" },
  leaderboard: [trial(0, 0.91)],
  result: null,
  error: null,
  mlflow_run_id: null,
  registered_model: null,
};

const rankedBoard = [
  { ...trial(-1, 0.95, "voting_ensemble"), rank: 1 },
  { ...trial(1, 0.93, "xgboost"), rank: 2 },
  { ...trial(0, 0.91), rank: 3 },
  { ...trial(2, 0, "knn"), status: "failed", metric: null, error: { message: "out of memory" }, rank: 4 },
];

export const completedJob: AutoMLJob = {
  ...runningJob,
  status: "completed",
  finished_at: "2026-11-23T10:01:02Z",
  progress: { phase: "completed", elapsed_s: 58, trials_done: 3, best_metric: 0.95, best_estimator: "voting_ensemble" },
  leaderboard: rankedBoard,
  mlflow_run_id: "m1",
  result: {
    task: "classification",
    metric: "auc",
    best_estimator: "voting_ensemble",
    best_metric: 0.95,
    settings: {},
    leaderboard: rankedBoard,
    guardrails: [
      { name: "class_balance", status: "passed", description: "The classes are balanced enough.", details: [{ class: "no", count: 70 }, { class: "yes", count: 30 }] },
      { name: "missing_values", status: "done", description: "Missing values were imputed in 1 column(s).", details: [{ column: "income", missing: 4, impute: "median" }] },
      { name: "high_cardinality", status: "alerted", description: "1 categorical column(s) have many levels.", details: [{ column: "city", unique: 900, encoding: "hashing" }] },
    ],
    featurization: [
      { column: "income", type_detected: "numeric", dropped: false, engineered_features: 1, transformations: ["impute median"] },
      { column: "id", type_detected: "dropped", dropped: true, engineered_features: 0, transformations: ["dropped: identifier"] },
    ],
    charts: {
      roc: { fpr: [0, 0.2, 1], tpr: [0, 0.8, 1], thresholds: [1, 0.5, 0] },
      precision_recall: { precision: [1, 0.8], recall: [0.5, 1], thresholds: [0.7, 0.3] },
      lift: { fraction_of_population: [0.5, 1], cumulative_gain: [0.8, 1], lift: [1.6, 1] },
      calibration: { mean_predicted: [0.1, 0.9], fraction_positive: [0.15, 0.85], count: [50, 50] },
      confusion_matrix: { labels: ["no", "yes"], matrix: [[60, 10], [5, 25]] },
    },
    feature_importance: [
      { feature: "age", importance: 0.1, std: 0.01 },
      { feature: "income", importance: 0.3, std: 0.02 },
    ],
    mlflow_run_id: "m1",
  },
};

export const regressionJob: AutoMLJob = {
  ...completedJob,
  id: "j2",
  task: "regression",
  metric: "r2",
  result: {
    ...completedJob.result!,
    task: "regression",
    metric: "r2",
    best_metric: 0.8,
    charts: {
      residuals: { bin_edges: [-1, 0, 1], counts: [4, 6] },
      predicted_vs_true: { true: [1, 2, 3], predicted: [1.1, 1.9, 3.2] },
    },
  },
};
