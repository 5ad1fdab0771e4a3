/** The designer's current run: submitted record, live stream, problems, regenerate. */
import { useCallback, useMemo, useState } from "react";
import { useLatestPipelineRun, useSubmitRun, type RunRecord } from "../api/runHooks";
import type { PipelineDocument } from "../api/types";
import { errorMessage } from "../layout/QueryState";
import { problemsByNode, problemsOf, type PipelineProblem } from "../runs/problems";
import { stepsByNode } from "../runs/runEvents";
import { useRunEvents } from "../runs/useRunEvents";

export function useDesignerRun(pipelineId: string | undefined, currentDocument: () => PipelineDocument) {
  const [submitted, setSubmitted] = useState<RunRecord | null>(null);
  const [problems, setProblems] = useState<PipelineProblem[]>([]);
  const resubmit = useSubmitRun();
  const latest = useLatestPipelineRun(pipelineId);
  const shown = submitted ?? latest.data ?? null; // after a reload: the pipeline's newest run
  const stream = useRunEvents(shown?.run_id);
  const run = stream.run && stream.run.run_id === shown?.run_id ? stream.run : shown;

  const onSubmitted = useCallback((record: RunRecord) => {
    setProblems([]);
    setSubmitted(record);
  }, []);

  const regenerate = useCallback(
    (nodeId: string) => {
      if (!pipelineId || !run) return;
      const body = { pipeline: pipelineId, experiment: run.experiment, parameters: run.parameters ?? {}, regenerate: [nodeId] };
      resubmit.mutate(
        { pipelineId, document: currentDocument(), body },
        { onSuccess: onSubmitted, onError: (err) => setProblems(problemsOf(err)) },
      );
    },
    [pipelineId, run, resubmit, currentDocument, onSubmitted],
  );

  const steps = useMemo(() => stepsByNode(run?.steps), [run]);
  const problemMap = useMemo(() => problemsByNode(problems), [problems]);

  return {
    run,
    steps,
    problems: problemMap,
    streamError: stream.error,
    regenerateError: resubmit.error ? errorMessage(resubmit.error) : null,
    onSubmitted,
    setProblems,
    regenerate,
  };
}
