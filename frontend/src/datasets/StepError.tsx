/** An API error shown next to the wizard step that caused it. */
import { errorMessage } from "../layout/QueryState";

export function StepError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="field-error step-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}
