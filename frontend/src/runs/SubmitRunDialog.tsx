/** Dialog to submit the pipeline: experiment, parameter values, then save + POST /api/runs. */
import "./runs.css";
import { useMemo, useState, type FormEvent } from "react";
import type { PipelineDocument } from "../api/types";
import { useExperiments, useSubmitRun, type RunRecord } from "../api/runHooks";
import { errorMessage } from "../layout/QueryState";
import { problemsOf, type PipelineProblem } from "./problems";
import { buildRunRequest, parameterText } from "./runRequest";

const NEW_EXPERIMENT = "";

export interface SubmitRunDialogProps {
  pipelineId: string;
  document: PipelineDocument;
  onSubmitted: (run: RunRecord) => void;
  onProblems: (problems: PipelineProblem[]) => void;
  onClose: () => void;
}

export function SubmitRunDialog({ pipelineId, document, onSubmitted, onProblems, onClose }: SubmitRunDialogProps) {
  const experiments = useExperiments();
  const submit = useSubmitRun();
  const defaults = document.parameters ?? {};
  const [choice, setChoice] = useState<string | null>(null);
  const [newName, setNewName] = useState(document.name || pipelineId);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, parameterText(v)])),
  );
  const [formError, setFormError] = useState<string | null>(null);

  const names = useMemo(() => (experiments.data ?? []).map((e) => e.name), [experiments.data]);
  const selected = choice ?? (names.includes(newName) ? newName : NEW_EXPERIMENT);
  const experiment = selected === NEW_EXPERIMENT ? newName : selected;
  const problems = problemsOf(submit.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    let body;
    try {
      body = buildRunRequest({ pipeline: pipelineId, experiment, parameterTexts: texts, defaults });
    } catch (err) {
      setFormError((err as Error).message);
      return;
    }
    submit.mutate(
      { pipelineId, document, body },
      { onSuccess: onSubmitted, onError: (err) => onProblems(problemsOf(err)) },
    );
  };

  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-label="Submit run" onSubmit={onSubmit}>
        <h2>Submit run</h2>
        <label className="field">
          <span>Experiment</span>
          <select aria-label="Experiment" value={selected} onChange={(e) => setChoice(e.target.value)}>
            <option value={NEW_EXPERIMENT}>New experiment…</option>
            {names.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </select>
        </label>
        {selected === NEW_EXPERIMENT && (
          <label className="field">
            <span>New experiment name</span>
            <input aria-label="New experiment name" value={newName} onChange={(e) => setNewName(e.target.value)} />
          </label>
        )}
        {Object.keys(texts).length > 0 && <h3>Parameters</h3>}
        {Object.entries(texts).map(([name, text]) => (
          <label className="field" key={name}>
            <span>{name}</span>
            <input
              aria-label={`Parameter ${name}`}
              value={text}
              onChange={(e) => setTexts({ ...texts, [name]: e.target.value })}
            />
          </label>
        ))}
        {formError && <p className="field-error" role="alert">{formError}</p>}
        {submit.error != null && (
          <div className="field-error" role="alert">
            <p>{errorMessage(submit.error)}</p>
            {problems.length > 0 && (
              <ul className="problem-list">
                {problems.map((p, i) => (
                  <li key={i}>{p.node ? `${p.node}: ` : ""}{p.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" data-testid="submit-confirm" disabled={submit.isPending || !experiment.trim()}>
            {submit.isPending ? "Submitting…" : "Submit"}
          </button>
        </div>
      </form>
    </div>
  );
}
