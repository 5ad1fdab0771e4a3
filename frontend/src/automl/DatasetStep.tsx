/** Wizard step 1: pick a registered dataset. */
import { Link } from "react-router-dom";
import { useDatasetList, type DatasetListItem } from "../api/datasetHooks";
import { QueryState } from "../layout/QueryState";

export function DatasetStep({ chosen, onChoose }: { chosen: string; onChoose: (dataset: DatasetListItem) => void }) {
  const datasets = useDatasetList();
  const items = datasets.data ?? [];
  return (
    <fieldset className="wizard-step" aria-label="Dataset">
      <legend>Training dataset</legend>
      <QueryState isLoading={datasets.isLoading} error={datasets.error}>
        {items.length === 0 ? (
          <p className="muted">
            No datasets yet. <Link to="/datasets">Register one</Link> first.
          </p>
        ) : (
          <table className="data-table" aria-label="Datasets">
            <thead>
              <tr>
                <th />
                <th>Name</th>
                <th>Version</th>
                <th>Rows</th>
                <th>Columns</th>
                <th>Label</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.name}>
                  <td>
                    <input
                      type="radio"
                      name="automl-dataset"
                      aria-label={d.name}
                      checked={chosen === d.name}
                      onChange={() => onChoose(d)}
                    />
                  </td>
                  <td>{d.name}</td>
                  <td>{d.latest_version}</td>
                  <td>{d.rows}</td>
                  <td>{d.columns}</td>
                  <td>{d.label ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </fieldset>
  );
}
