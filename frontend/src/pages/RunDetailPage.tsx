import { useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useComponents } from "../api/hooks";
import { QueryState } from "../layout/QueryState";
import { MetricsTable } from "../outputs/MetricsTable";
import { RunGraph } from "../runs/RunGraph";
import { RunStatusBadge } from "../runs/RunStatusBadge";
import { StepActionsLayer } from "../runs/StepActionsLayer";
import { StepPanel } from "../runs/StepPanel";
import { stepsByNode } from "../runs/runEvents";
import { formatSeconds } from "../runs/statusStyle";
import { useLiveRun } from "../runs/useLiveRun";
import { useStepActions } from "../runs/useStepActions";
import { errorText } from "../api/runHooks";
import type { DerivationProblem } from "../api/inferenceHooks";
import { CreateInferenceButton } from "../inference/CreateInferenceButton";
import { derivationIssues } from "../inference/derivationIssues";
import { problemsByNode } from "../runs/problems";

export function RunDetailPage() {
  const { id } = useParams();
  const components = useComponents();
  const { run, isLoading, error, streamError } = useLiveRun(id);
  const steps = useMemo(() => stepsByNode(run?.steps), [run]);
  const actions = useStepActions(run?.run_id);
  const [selected, setSelected] = useState<string | null>(null);
  const [derivation, setDerivation] = useState<DerivationProblem[]>([]);
  const problems = useMemo(() => problemsByNode(derivationIssues(derivation)), [derivation]);

  return (
    <div className="page run-detail">
      <QueryState isLoading={isLoading || components.isLoading} error={error ?? components.error}>
        {run && components.data && (
          <>
            <div className="run-header">
              <h1>Run {run.run_id.slice(0, 8)}</h1>
              <RunStatusBadge status={run.status} testId="run-status" />
              <span className="muted">
                <Link to={`/pipelines/${encodeURIComponent(run.pipeline_name)}`}>{run.pipeline_name}</Link>
                {" · "}experiment {run.experiment} · {new Date(run.created_at).toLocaleString()}
                {run.seconds !== null && ` · ${formatSeconds(run.seconds)}`}
              </span>
              <CreateInferenceButton run={run} onProblems={setDerivation} />
            </div>
            {run.error && <p className="field-error" role="alert">{errorText(run.error)}</p>}
            {streamError && <p className="field-error">{streamError}</p>}
            <div className="run-body">
              <RunGraph
                document={run.document}
                manifest={components.data}
                steps={steps}
                selectedNode={selected}
                onSelectNode={setSelected}
                actions={actions}
                problems={problems}
              />
              <div className="run-side">
                {selected ? (
                  <StepPanel nodeId={selected} step={steps.get(selected)} actions={actions} />
                ) : (
                  <p className="muted">Click a node to see its step; right-click for outputs and log.</p>
                )}
                {Object.keys(run.parameters ?? {}).length > 0 && (
                  <section>
                    <h3>Parameters</h3>
                    <pre className="json-view">{JSON.stringify(run.parameters, null, 2)}</pre>
                  </section>
                )}
                {Object.keys(run.metrics ?? {}).length > 0 && (
                  <section>
                    <h3>Metrics</h3>
                    <MetricsTable metrics={run.metrics} testIdPrefix="run-metric" />
                  </section>
                )}
              </div>
            </div>
            <StepActionsLayer actions={actions} />
          </>
        )}
      </QueryState>
    </div>
  );
}
