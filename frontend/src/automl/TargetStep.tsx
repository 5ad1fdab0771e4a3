/** Wizard step 2: pick the target column; shows each column's type, distinct values and class counts. */
import { useDatasetInfo, useDatasetProfile, type ColumnProfile } from "../api/datasetHooks";
import type { DatasetColumn } from "../api/types";
import { QueryState } from "../layout/QueryState";
import { classCounts } from "./taskSuggestion";

export interface TargetStepProps {
  dataset: string;
  version: number | null;
  chosen: string;
  onChoose: (column: DatasetColumn, profile: ColumnProfile | undefined) => void;
}

export function TargetStep({ dataset, version, chosen, onChoose }: TargetStepProps) {
  const info = useDatasetInfo(dataset);
  const versions = info.data?.versions ?? [];
  const current = versions.find((v) => v.version === version) ?? versions[0];
  const profile = useDatasetProfile(dataset, current?.version);
  const profileOf = (name: string) => profile.data?.columns.find((c) => c.name === name);
  return (
    <fieldset className="wizard-step" aria-label="Target">
      <legend>Target column (the one to predict)</legend>
      <QueryState isLoading={info.isLoading} error={info.error}>
        <table className="data-table" aria-label="Columns">
          <thead>
            <tr>
              <th />
              <th>Column</th>
              <th>Type</th>
              <th>Distinct</th>
              <th>Most frequent values</th>
            </tr>
          </thead>
          <tbody>
            {(current?.columns ?? []).map((column) => {
              const stats = profileOf(column.name);
              return (
                <tr key={column.name}>
                  <td>
                    <input
                      type="radio"
                      name="automl-target"
                      aria-label={column.name}
                      checked={chosen === column.name}
                      onChange={() => onChoose(column, stats)}
                    />
                  </td>
                  <td>
                    {column.name}
                    {column.role === "label" && <span className="role-badge">label</span>}
                  </td>
                  <td>
                    {column.type}
                    {column.categorical ? " (categorical)" : ""}
                  </td>
                  <td>{stats?.distinct ?? ""}</td>
                  <td className="muted">{classCounts(stats)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </QueryState>
    </fieldset>
  );
}
