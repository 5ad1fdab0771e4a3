/** The designer toolbar's way to production: Create inference pipeline (from the run shown),
 * Deploy (a real-time inference pipeline) and Publish (any pipeline). */
import { useState } from "react";
import type { DerivationProblem } from "../api/inferenceHooks";
import type { RunRecord } from "../api/runHooks";
import type { PipelineDocument } from "../api/types";
import { DeployDialog } from "../endpoints/DeployDialog";
import { PublishDialog } from "../endpoints/PublishDialog";
import { CreateInferenceButton } from "../inference/CreateInferenceButton";

export interface DeploymentActionsProps {
  pipelineId: string;
  document: PipelineDocument;
  run: RunRecord | null;
  ensureSaved: () => Promise<boolean>;
  onDerivationProblems: (problems: DerivationProblem[]) => void;
}

/** A real-time inference pipeline takes its requests through a Web Service Input node. */
export function isRealtimePipeline(document: PipelineDocument): boolean {
  return document.nodes.some((n) => n.component === "web_service_input");
}

export function DeploymentActions({ pipelineId, document, run, ensureSaved, onDerivationProblems }: DeploymentActionsProps) {
  const [dialog, setDialog] = useState<"deploy" | "publish" | null>(null);
  return (
    <>
      <CreateInferenceButton run={run} onProblems={onDerivationProblems} />
      {isRealtimePipeline(document) && (
        <button type="button" onClick={() => setDialog("deploy")} title="Serve this pipeline as a real-time endpoint">
          Deploy
        </button>
      )}
      <button type="button" onClick={() => setDialog("publish")} title="Publish as a versioned pipeline endpoint">
        Publish
      </button>
      {dialog === "deploy" && <DeployDialog pipelineId={pipelineId} ensureSaved={ensureSaved} onClose={() => setDialog(null)} />}
      {dialog === "publish" && (
        <PublishDialog pipelineId={pipelineId} ensureSaved={ensureSaved} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
