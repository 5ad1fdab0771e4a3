/** Wizard step 4: what will be registered. */
import type { RoleChoices } from "./uploadForms";

const listText = (names: string[]) => (names.length ? names.join(", ") : "none");

export function UploadReviewStep({ file, rows, roles }: { file: File; rows: number; roles: RoleChoices }) {
  return (
    <div className="upload-step">
      <dl className="review-list">
        <dt>File</dt>
        <dd>
          {file.name} ({rows.toLocaleString("en-US")} rows)
        </dd>
        <dt>Dataset</dt>
        <dd>{roles.name}</dd>
        <dt>Description</dt>
        <dd>{roles.description || "none"}</dd>
        <dt>Label</dt>
        <dd>{roles.label || "none"}</dd>
        <dt>Categorical</dt>
        <dd>{listText(roles.categorical)}</dd>
        <dt>Ignored</dt>
        <dd>{listText(roles.ignore)}</dd>
        <dt>Types changed</dt>
        <dd>{listText(Object.entries(roles.types ?? {}).map(([column, type]) => `${column} → ${type}`))}</dd>
      </dl>
      <p className="muted">If a dataset with this name exists, the file becomes its next version.</p>
    </div>
  );
}
