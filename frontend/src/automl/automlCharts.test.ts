import { describe, expect, it } from "vitest";
import { automlCharts, calibrationOption } from "./automlCharts";

describe("AutoML charts", () => {
  it("adds calibration after the evaluation charts of a binary job", () => {
    const charts = {
      roc: { fpr: [0, 1], tpr: [0, 1] },
      calibration: { mean_predicted: [0.2, 0.8], fraction_positive: [0.1, 0.9] },
      confusion_matrix: { labels: [0, 1], matrix: [[1, 0], [0, 1]] },
    };
    expect(automlCharts(charts).map((c) => c.key)).toEqual(["roc", "calibration"]);
    const series = calibrationOption(charts.calibration).series as { data: unknown }[];
    expect(series[0].data).toEqual([[0.2, 0.1], [0.8, 0.9]]);
  });

  it("draws one ROC curve per class for a multiclass job", () => {
    const roc = { per_class: [{ class: "a", fpr: [0, 1], tpr: [0, 1], auc: 0.5 }, { class: "b", fpr: [0, 1], tpr: [1, 1], auc: 1 }] };
    const [spec] = automlCharts({ roc });
    const names = (spec.option.series as { name: string }[]).map((s) => s.name);
    expect(spec.key).toBe("roc");
    expect(names).toEqual(["a (AUC 0.500)", "b (AUC 1.000)", "reference"]);
  });
});
