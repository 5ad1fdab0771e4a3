/** Upload a data file in four steps: file, preview (nothing saved), roles, register. */
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { useInspectUpload, useRegisterDataset, type InspectResult } from "../api/datasetHooks";
import { datasetNameProblem, nameFromFileName } from "./datasetName";
import { inColumnOrder, inferredRoles } from "./roleChoices";
import { StepError } from "./StepError";
import { UploadFileStep } from "./UploadFileStep";
import { UploadPreviewStep } from "./UploadPreviewStep";
import { UploadReviewStep } from "./UploadReviewStep";
import { UploadRolesStep } from "./UploadRolesStep";
import { ApiError } from "../api/client";
import { DEFAULT_READ_OPTIONS, inspectForm, registerForm, type ReadOptions, type RoleChoices } from "./uploadForms";
import { WizardStepper } from "./WizardStepper";
import "./datasets.css";

const STEPS = ["File", "Preview", "Roles", "Register"];
const EMPTY_ROLES: RoleChoices = { name: "", description: "", label: "", categorical: [], ignore: [] };

function readKey(file: File, options: ReadOptions): string {
  return JSON.stringify([file.name, file.size, file.lastModified, options]);
}

/** The encoding the server suggests when the file is not valid text in the chosen one. */
function encodingSuggestion(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const details = error.details as { problem?: unknown; suggested_encoding?: unknown } | null;
  const suggested = details?.suggested_encoding;
  return details?.problem === "wrong_encoding" && typeof suggested === "string" ? suggested : null;
}

export function UploadWizard({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const inspect = useInspectUpload();
  const register = useRegisterDataset();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<ReadOptions>(DEFAULT_READ_OPTIONS);
  const [inspected, setInspected] = useState<{ key: string; result: InspectResult } | null>(null);
  const [roles, setRoles] = useState<RoleChoices>(EMPTY_ROLES);

  const chooseFile = (chosen: File) => {
    setFile(chosen);
    setRoles((current) => ({ ...current, name: nameFromFileName(chosen.name) }));
    inspect.reset();
  };

  const runInspect = (readOptions: ReadOptions = options) => {
    if (!file) return;
    const key = readKey(file, readOptions);
    if (inspected?.key === key) {
      setStep(1);
      return;
    }
    inspect.mutate(inspectForm(file, readOptions), {
      onSuccess: (result) => {
        setInspected({ key, result });
        setRoles((current) => ({ ...current, ...inferredRoles(result.columns) }));
        register.reset();
        setStep(1);
      },
    });
  };

  const runRegister = () => {
    if (!file || !inspected) return;
    const columns = inspected.result.columns;
    const ordered = {
      ...roles,
      categorical: inColumnOrder(roles.categorical, columns),
      ignore: inColumnOrder(roles.ignore, columns),
    };
    register.mutate(registerForm(file, options, ordered), {
      onSuccess: (dataset) => navigate(`/datasets/${encodeURIComponent(dataset.name)}`),
    });
  };

  const result = inspected?.result;
  const canContinue = [Boolean(file) && !inspect.isPending, true, datasetNameProblem(roles.name) === null][step];
  const next = step === 0 ? () => runInspect() : () => setStep(step + 1);
  const suggestedEncoding = encodingSuggestion(inspect.error);
  const readAs = (encoding: string) => {
    const changed = { ...options, encoding };
    setOptions(changed);
    runInspect(changed);
  };

  return (
    <section className="upload-wizard" aria-label="Upload dataset">
      <h2>Upload dataset</h2>
      <WizardStepper steps={STEPS} current={step} />
      {step === 0 && (
        <>
          <UploadFileStep file={file} options={options} onFile={chooseFile} onOptions={setOptions} />
          <StepError error={inspect.error} />
          {suggestedEncoding && (
            <button type="button" onClick={() => readAs(suggestedEncoding)} disabled={inspect.isPending}>
              Read it as {suggestedEncoding}
            </button>
          )}
        </>
      )}
      {step === 1 && result && <UploadPreviewStep result={result} />}
      {step === 2 && result && <UploadRolesStep columns={result.columns} roles={roles} onChange={setRoles} />}
      {step === 3 && file && result && (
        <>
          <UploadReviewStep file={file} rows={result.rows} roles={roles} />
          <StepError error={register.error} />
        </>
      )}
      <div className="wizard-buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        {step > 0 && (
          <button type="button" onClick={() => setStep(step - 1)} disabled={register.isPending}>
            Back
          </button>
        )}
        {step < 3 ? (
          <button type="button" className="primary" data-testid="upload-next" onClick={next} disabled={!canContinue}>
            {step === 0 && inspect.isPending ? "Reading…" : "Next"}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="upload-register"
            onClick={runRegister}
            disabled={register.isPending}
          >
            {register.isPending ? "Registering…" : "Register"}
          </button>
        )}
      </div>
    </section>
  );
}
