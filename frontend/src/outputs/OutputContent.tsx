/** Renders a step output payload according to its type. */
import "../runs/runs.css";
import type { EvaluationOutput, StepOutput, TableOutput } from "../api/runHooks";
import { EvaluationReportView } from "./EvaluationReportView";
import { TableView } from "./TableView";

export function OutputContent({ output }: { output: StepOutput }) {
  if (output.type === "table" && "rows" in output) return <TableView table={output as TableOutput} />;
  if (output.type === "evaluation_report" && "report" in output) {
    return <EvaluationReportView report={(output as EvaluationOutput).report} />;
  }
  const description = "description" in output ? output.description : output;
  return (
    <div data-testid="output-description">
      <p className="muted">Type: {output.type}</p>
      <pre className="json-view">{JSON.stringify(description, null, 2)}</pre>
    </div>
  );
}
