/** Wizard step 1: the file (picker or drag and drop) and how to read it. */
import { useState, type DragEvent } from "react";
import { FILE_FORMATS, type FileFormat, type ReadOptions } from "./uploadForms";

const ACCEPT = ".csv,.tsv,.txt,.parquet,.pq,.jsonl,.ndjson,.json";

interface Props {
  file: File | null;
  options: ReadOptions;
  onFile: (file: File) => void;
  onOptions: (options: ReadOptions) => void;
}

export function UploadFileStep({ file, options, onFile, onOptions }: Props) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    setDragging(true);
  };
  return (
    <div className="upload-step">
      <div
        className={`drop-zone${dragging ? " dragging" : ""}`}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="upload-drop-zone"
      >
        <p>Drop a CSV, TSV, Parquet or JSON lines file here, or choose one:</p>
        <input
          type="file"
          accept={ACCEPT}
          aria-label="Data file"
          data-testid="upload-file-input"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            if (chosen) onFile(chosen);
          }}
        />
        {file && (
          <p className="chosen-file">
            Chosen: <strong>{file.name}</strong> ({file.size.toLocaleString("en-US")} bytes)
          </p>
        )}
      </div>
      <div className="form-row">
        <label>
          Format
          <select
            value={options.fileFormat}
            onChange={(e) => onOptions({ ...options, fileFormat: e.target.value as FileFormat })}
          >
            {FILE_FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Encoding
          <input value={options.encoding} onChange={(e) => onOptions({ ...options, encoding: e.target.value })} />
        </label>
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={options.hasHeader}
            onChange={(e) => onOptions({ ...options, hasHeader: e.target.checked })}
          />
          First row is the header
        </label>
      </div>
    </div>
  );
}
