/** Wizard step 4: time budget, validation, blocked model families and advanced settings. */
import type { Ensembling } from "../api/automlTypes";
import { MODEL_FAMILIES, type ValidationKind, type WizardForm } from "./wizardForm";

export interface SettingsStepProps {
  form: WizardForm;
  onChange: (changes: Partial<WizardForm>) => void;
}

const VALIDATIONS: [ValidationKind, string][] = [
  ["auto", "Auto (k-fold for small tables, else a 10 % holdout)"],
  ["kfold", "k-fold cross-validation"],
  ["holdout", "Holdout"],
];

function toggled(list: string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export function SettingsStep({ form, onChange }: SettingsStepProps) {
  return (
    <fieldset className="wizard-step" aria-label="Settings">
      <legend>Settings</legend>
      <label className="field">
        <span>Time budget (seconds)</span>
        <input type="number" min={1} value={form.timeBudget} onChange={(e) => onChange({ timeBudget: e.target.value })} />
      </label>
      <label className="field">
        <span>Validation</span>
        <select value={form.validation} onChange={(e) => onChange({ validation: e.target.value as ValidationKind })}>
          {VALIDATIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {form.validation === "kfold" && (
        <label className="field">
          <span>Folds</span>
          <input type="number" min={2} value={form.folds} onChange={(e) => onChange({ folds: e.target.value })} />
        </label>
      )}
      {form.validation === "holdout" && (
        <label className="field">
          <span>Holdout fraction</span>
          <input type="number" step={0.05} value={form.holdout} onChange={(e) => onChange({ holdout: e.target.value })} />
        </label>
      )}
      <fieldset className="blocked-models">
        <legend>Blocked models</legend>
        {MODEL_FAMILIES.map((family) => (
          <label key={family} className="checkbox-label">
            <input
              type="checkbox"
              checked={form.blocked.includes(family)}
              onChange={() => onChange({ blocked: toggled(form.blocked, family) })}
            />
            {family}
          </label>
        ))}
      </fieldset>
      <details className="advanced-settings">
        <summary>Advanced</summary>
        <label className="field">
          <span>Parallel jobs (empty: all cores)</span>
          <input type="number" min={1} value={form.nJobs} onChange={(e) => onChange({ nJobs: e.target.value })} />
        </label>
        <label className="field">
          <span>Ensembling</span>
          <select value={form.ensembling} onChange={(e) => onChange({ ensembling: e.target.value as Ensembling })}>
            <option value="voting">Voting</option>
            <option value="stacking">Stacking</option>
            <option value="none">None</option>
          </select>
        </label>
        <label className="field">
          <span>Max trials (empty: no limit)</span>
          <input type="number" min={1} value={form.maxTrials} onChange={(e) => onChange({ maxTrials: e.target.value })} />
        </label>
        <label className="field">
          <span>Exit score (stop when reached)</span>
          <input type="number" value={form.exitScore} onChange={(e) => onChange({ exitScore: e.target.value })} />
        </label>
        <label className="field">
          <span>Job name (optional)</span>
          <input value={form.name} onChange={(e) => onChange({ name: e.target.value })} />
        </label>
      </details>
    </fieldset>
  );
}
