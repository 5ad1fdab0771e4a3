import { render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { OutputContent } from "./OutputContent";
import { binaryReport, regressionReport, tableOutput } from "./reportFixtures";

vi.mock("echarts-for-react/lib/core", () => ({
  default: ({ option }: { option: { title?: { text?: string } } }) => <div data-testid="echarts">{option.title?.text}</div>,
}));

describe("OutputContent", () => {
  it("renders a table output as an HTML table", () => {
    render(<OutputContent output={tableOutput} />);
    const table = screen.getByTestId("output-table");
    const headers = within(table).getAllByRole("columnheader").map((h) => h.firstChild?.textContent);
    expect(headers).toEqual(["mean radius", "diagnosis", "Scored Probabilities"]);
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getAllByRole("cell").map((c) => c.textContent)).toEqual(["1.25000", "malignant", "0.980000"]);
    expect(within(rows[2]).getAllByRole("cell")[2]).toHaveTextContent("");
    expect(table).toHaveTextContent("label");
  });

  it("renders a binary evaluation report: metrics with AUC, confusion matrix, charts", async () => {
    render(<OutputContent output={binaryReport} />);
    expect(screen.getByTestId("metric-auc")).toHaveTextContent("0.9961");
    expect(screen.getByTestId("metric-auc")).toHaveAttribute("data-value", "0.9960572429906542");
    for (const name of ["accuracy", "precision", "recall", "f1_score", "log_loss"]) {
      expect(screen.getByText(name)).toBeInTheDocument();
    }
    const matrix = screen.getByTestId("confusion-matrix");
    expect(matrix).toHaveTextContent("threshold 0.5");
    expect(within(matrix).getAllByRole("cell").map((c) => c.textContent)).toEqual(["104", "3", "2", "62"]);
    expect((await screen.findAllByTestId("echarts")).map((c) => c.textContent)).toEqual([
      "ROC curve",
      "Precision / recall",
      "Cumulative gain and lift",
    ]);
  });

  it("renders a regression report with residual and predicted-vs-true charts", async () => {
    render(<OutputContent output={regressionReport} />);
    expect(screen.getByTestId("metric-coefficient_of_determination")).toHaveTextContent("0.4266");
    expect(screen.getByTestId("metric-root_mean_squared_error")).toHaveTextContent("61.1200");
    expect(screen.queryByTestId("confusion-matrix")).toBeNull();
    await waitFor(() => expect(screen.getByTestId("chart-residuals")).toHaveTextContent("Residuals"));
    expect(screen.getByTestId("chart-predicted_vs_true")).toHaveTextContent("Predicted vs true");
  });

  it("renders a multiclass confusion matrix and a compared report", () => {
    const output = {
      type: "evaluation_report" as const,
      report: {
        task: "multiclass_classification",
        metrics: { accuracy: 0.9 },
        charts: { confusion_matrix: { labels: ["a", "b", "c"], matrix: [[1, 0, 0], [0, 2, 0], [0, 1, 3]] } },
        compared: { task: "multiclass_classification", metrics: { accuracy: 0.8 }, charts: {}, compared: null },
      },
    };
    render(<OutputContent output={output} />);
    expect(within(screen.getByTestId("confusion-matrix")).getAllByRole("cell")).toHaveLength(9);
    expect(screen.getByTestId("compared-metric-accuracy")).toHaveTextContent("0.8000");
  });

  it("shows the description of other outputs", () => {
    render(<OutputContent output={{ type: "trained_model", description: { learner_id: "two_class_boosted_decision_tree" } }} />);
    expect(screen.getByTestId("output-description")).toHaveTextContent("two_class_boosted_decision_tree");
  });
});
