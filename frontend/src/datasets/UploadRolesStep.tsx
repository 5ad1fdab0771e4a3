/** Wizard step 3: dataset name and description, label, column types, categorical and
 * ignored columns. */
import type { DatasetColumn } from "../api/types";
import { datasetNameProblem } from "./datasetName";
import { withCategorical, withIgnored, withLabel, withType } from "./roleChoices";
import { COLUMN_TYPES, type RoleChoices } from "./uploadForms";

interface Props {
  columns: DatasetColumn[];
  roles: RoleChoices;
  onChange: (roles: RoleChoices) => void;
}

export function UploadRolesStep({ columns, roles, onChange }: Props) {
  const nameProblem = datasetNameProblem(roles.name);
  return (
    <div className="upload-step">
      <div className="form-row">
        <label>
          Dataset name
          <input
            data-testid="upload-name"
            value={roles.name}
            onChange={(e) => onChange({ ...roles, name: e.target.value })}
            aria-invalid={nameProblem ? true : undefined}
          />
          {nameProblem && <span className="field-error">{nameProblem}</span>}
        </label>
        <label>
          Label column
          <select data-testid="upload-label" value={roles.label} onChange={(e) => onChange(withLabel(roles, e.target.value))}>
            <option value="">(no label)</option>
            {columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Description
        <textarea
          rows={2}
          value={roles.description}
          onChange={(e) => onChange({ ...roles, description: e.target.value })}
        />
      </label>
      <table className="data-table roles-table">
        <thead>
          <tr>
            <th>Column</th>
            <th>Type</th>
            <th>Categorical</th>
            <th>Ignore</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.name}>
              <td>
                {c.name}
                {c.name === roles.label && <span className="role-badge">label</span>}
              </td>
              <td>
                <select
                  aria-label={`Type of ${c.name}`}
                  value={roles.types?.[c.name] ?? c.type}
                  onChange={(e) => onChange(withType(roles, c.name, e.target.value, c.type))}
                >
                  {COLUMN_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {t === c.type ? `${t} (as read)` : t}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Categorical ${c.name}`}
                  checked={roles.categorical.includes(c.name)}
                  onChange={(e) => onChange(withCategorical(roles, c.name, e.target.checked))}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Ignore ${c.name}`}
                  checked={roles.ignore.includes(c.name)}
                  disabled={c.name === roles.label}
                  onChange={(e) => onChange(withIgnored(roles, c.name, e.target.checked))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
