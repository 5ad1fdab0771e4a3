/** Score a database table with a registered model: connection → table → model → column
 * mapping → output → run (with progress, result preview and the SQL to re-run it). */
import { useState } from "react";
import { useConnect, useMappingCheck, useStartScoring, useTablePreview, type ScoringOutput } from "../api/scoringHooks";
import { StepError } from "../datasets/StepError";
import { WizardStepper } from "../datasets/WizardStepper";
import { ConnectionStep } from "./ConnectionStep";
import { MappingStep } from "./MappingStep";
import { ModelStep } from "./ModelStep";
import { OutputStep } from "./OutputStep";
import { RunStep } from "./RunStep";
import { TableStep } from "./TableStep";
import "../datasets/datasets.css";
import "./scoring.css";

export const SCORING_STEPS = ["Connection", "Table", "Model", "Mapping", "Output", "Run"];
const MAPPING = 3;
const OUTPUT = 4;
const RUN = 5;

export function ScoringWizard() {
  const [step, setStep] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [database, setDatabase] = useState("");
  const [table, setTable] = useState("");
  const [model, setModel] = useState("");
  const [mapping, setMapping] = useState<Record<string, string | null> | null>(null);
  const [target, setTarget] = useState("");
  const [scoreColumns, setScoreColumns] = useState<string[] | null>(null);
  const [output, setOutput] = useState<ScoringOutput>("table");
  const [jobId, setJobId] = useState("");
  const connect = useConnect();
  const start = useStartScoring();
  const preview = useTablePreview(database, step >= MAPPING ? table : "");
  const check = useMappingCheck(database, table, model, mapping, step >= MAPPING && step < RUN);
  const outputs = check.data?.model.outputs.map((o) => o.column) ?? [];
  const chosenScores = scoreColumns ?? outputs;
  const postgres = /^postgres(ql)?(\+\w+)?:\/\//.test(database.trim());

  const go = (to: number) => {
    setProblem(null);
    setStep(to);
  };
  const stepProblem = (): string | null => {
    if (step === 0 && !database.trim()) return "Give a DuckDB file path or a PostgreSQL URL.";
    if (step === 1 && !table) return "Choose a table.";
    if (step === 2 && !model) return "Choose a model.";
    if (step === MAPPING && (!check.data || check.isPlaceholderData)) return "The mapping is still being checked.";
    if (step === MAPPING && !check.data?.runnable) {
      const blocking = check.data?.checks.filter((c) => c.status === "mismatch" || c.status === "unmapped") ?? [];
      return `Fix the mapping first: ${blocking.map((c) => c.note).join(" ")}`;
    }
    if (step === OUTPUT && !target.trim()) return `Name the output ${postgres && output === "view" ? "view" : "table"}.`;
    if (step === OUTPUT && chosenScores.length === 0) return "Choose at least one score column.";
    return null;
  };
  const next = () => {
    const found = stepProblem();
    setProblem(found);
    if (found) return;
    if (step === 0) {
      connect.mutate(database.trim(), { onSuccess: () => go(1) });
    } else if (step === OUTPUT) {
      const body = { database: database.trim(), table, model, mapping: check.data?.mapping ?? {}, target: target.trim(), score_columns: chosenScores, output: postgres ? output : "table" };
      start.mutate(body, { onSuccess: (job) => (setJobId(job.id), go(RUN)) });
    } else {
      if (step === 1 && !target) setTarget(`${table}_scored`);
      go(step + 1);
    }
  };
  const chooseTable = (name: string) => {
    setTable(name);
    setMapping(null);
    setTarget("");
  };
  const chooseModel = (ref: string) => {
    setModel(ref);
    setMapping(null);
    setScoreColumns(null);
  };
  const remap = (input: string, column: string | null) => setMapping({ ...(check.data?.mapping ?? {}), [input]: column });

  return (
    <section className="upload-wizard scoring-wizard" aria-label="Scoring wizard">
      <WizardStepper steps={SCORING_STEPS} current={step} />
      {step === 0 && <ConnectionStep database={database} onChange={(d) => (setDatabase(d), connect.reset())} />}
      {step === 1 && <TableStep database={database.trim()} tables={connect.data ?? []} chosen={table} onChoose={chooseTable} />}
      {step === 2 && <ModelStep database={database.trim()} chosen={model} onChoose={chooseModel} />}
      {step === MAPPING && check.data && (
        <MappingStep answer={check.data} columns={preview.data?.columns ?? []} chosen={mapping} onChange={remap} />
      )}
      {step === MAPPING && <StepError error={check.error} />}
      {step === OUTPUT && check.data && (
        <OutputStep model={check.data.model} target={target} scoreColumns={chosenScores} onTarget={setTarget} onScoreColumns={setScoreColumns}
          viewPossible={postgres} output={output} onOutput={setOutput} />
      )}
      {step === RUN && <RunStep jobId={jobId} />}
      {problem && (
        <p className="field-error step-error" role="alert" data-testid="wizard-problem">
          {problem}
        </p>
      )}
      {step === 0 && <StepError error={connect.error} />}
      {step === OUTPUT && <StepError error={start.error} />}
      <div className="wizard-buttons">
        {step > 0 && step < RUN && (
          <button type="button" onClick={() => go(step - 1)}>
            Back
          </button>
        )}
        {step < OUTPUT && (
          <button type="button" className="primary" data-testid="scoring-next" onClick={next} disabled={connect.isPending}>
            {connect.isPending ? "Connecting…" : "Next"}
          </button>
        )}
        {step === OUTPUT && (
          <button type="button" className="primary" data-testid="scoring-run" onClick={next} disabled={start.isPending}>
            {start.isPending ? "Starting…" : "Run"}
          </button>
        )}
        {step === RUN && (
          <button type="button" onClick={() => go(OUTPUT)}>
            Back to output
          </button>
        )}
      </div>
    </section>
  );
}
