/** Output payloads shaped like the real API's (breast-cancer and diabetes sample pipelines). */
import type { EvaluationOutput, TableOutput } from "../api/runHooks";

export const tableOutput: TableOutput = {
  type: "table",
  columns: [
    { name: "mean radius", type: "double", role: "feature", categorical: false },
    { name: "diagnosis", type: "string", role: "label", categorical: true },
    { name: "Scored Probabilities", type: "double", role: "score", categorical: false },
  ],
  rows: [
    { "mean radius": 1.25, diagnosis: "malignant", "Scored Probabilities": 0.98 },
    { "mean radius": -0.5, diagnosis: "benign", "Scored Probabilities": null },
  ],
};

export const binaryReport: EvaluationOutput = {
  type: "evaluation_report",
  report: {
    task: "binary_classification",
    metrics: { accuracy: 0.9707, auc: 0.9960572429906542, f1_score: 0.9612, log_loss: 0.1068, precision: 0.9538, recall: 0.96875 },
    charts: {
      confusion_matrix: { labels: ["benign", "malignant"], matrix: [[104, 3], [2, 62]], threshold: 0.5 },
      lift: { cumulative_gain: [0.1, 0.6, 1], fraction_of_population: [0.05, 0.4, 1], lift: [2.6, 1.5, 1] },
      precision_recall: { precision: [0.37, 0.9, 1], recall: [1, 0.95, 0.1], thresholds: [0, 0.5, 1] },
      roc: { fpr: [0, 0, 0.1, 1], tpr: [0, 0.9, 0.98, 1], thresholds: [1, 0.99, 0.5, 0] },
    },
    compared: null,
  },
};

export const regressionReport: EvaluationOutput = {
  type: "evaluation_report",
  report: {
    task: "regression",
    metrics: {
      coefficient_of_determination: 0.4266,
      mean_absolute_error: 50.63,
      relative_absolute_error: 0.716,
      relative_squared_error: 0.573,
      root_mean_squared_error: 61.12,
    },
    charts: {
      predicted_vs_true: { predicted: [215.2, 153.1, 156.6], true: [206, 69, 185] },
      residuals: { bin_edges: [-170, -100, 0, 100], counts: [1, 5, 2] },
    },
    compared: null,
  },
};
