/** Derivation problems as pipeline problems, so the canvas marks each node with its reason. */
import type { DerivationProblem } from "../api/inferenceHooks";
import type { PipelineProblem } from "../runs/problems";

export function derivationIssues(problems: DerivationProblem[]): PipelineProblem[] {
  return problems.map((p) => ({
    code: "not_derivable",
    severity: "error",
    node: p.node,
    message: `Cannot be carried into inference: ${p.reason}`,
  }));
}
