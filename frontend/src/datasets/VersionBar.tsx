/** The version picker and the chosen version's facts. */
import type { DatasetVersionInfo } from "../api/datasetHooks";

interface Props {
  versions: DatasetVersionInfo[];
  selected: DatasetVersionInfo;
  onSelect: (version: number) => void;
}

export function VersionBar({ versions, selected, onSelect }: Props) {
  return (
    <div className="version-bar">
      <label>
        Version{" "}
        <select value={selected.version} onChange={(e) => onSelect(Number(e.target.value))}>
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              {v.version}
            </option>
          ))}
        </select>
      </label>
      <span>{selected.rows.toLocaleString("en-US")} rows</span>
      <span>{selected.columns.length} columns</span>
      <span className="muted" title={selected.content_hash}>
        from {selected.source}
      </span>
      <span className="muted">{new Date(selected.created_at).toLocaleString()}</span>
    </div>
  );
}
