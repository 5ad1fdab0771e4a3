import type { PipelineDocument } from "../api/types";

/** A small training pipeline using real component ids of the fixture manifest. */
export const sampleDocument: PipelineDocument = {
  schema_version: 1,
  name: "credit",
  description: "Credit scoring",
  parameters: { seed: 42 },
  nodes: [
    { id: "data", component: "import_data", params: { path: "x.csv", file_format: "auto" }, position: { x: 0, y: 0 } },
    {
      id: "split",
      component: "split_data",
      params: { fraction_of_rows_in_the_first_output_dataset: 0.7, random_seed: "${parameters.seed}" },
      position: { x: 0, y: 150 },
    },
    { id: "model", component: "two_class_logistic_regression", params: {}, position: { x: 260, y: 150 } },
    { id: "train", component: "train_model", params: { label_column: "y" }, position: { x: 130, y: 300 } },
    { id: "score", component: "score_model", params: {}, position: { x: 130, y: 450 } },
  ],
  edges: [
    { from: "data.results_dataset", to: "split.dataset" },
    { from: "model.untrained_model", to: "train.untrained_model" },
    { from: "split.results_dataset1", to: "train.dataset" },
    { from: "train.trained_model", to: "score.trained_model" },
    { from: "split.results_dataset2", to: "score.dataset" },
  ],
};
