import { useState } from "react";
import { useDatasetList } from "../api/datasetHooks";
import { DatasetList } from "../datasets/DatasetList";
import { UploadWizard } from "../datasets/UploadWizard";
import { QueryState } from "../layout/QueryState";

export function DatasetsPage() {
  const { data, isLoading, error } = useDatasetList();
  const [uploading, setUploading] = useState(false);
  return (
    <div className="page">
      <h1>Datasets</h1>
      {uploading ? (
        <UploadWizard onClose={() => setUploading(false)} />
      ) : (
        <div className="page-actions">
          <button type="button" className="primary" data-testid="upload-open" onClick={() => setUploading(true)}>
            Upload dataset
          </button>
        </div>
      )}
      <QueryState isLoading={isLoading} error={error}>
        <DatasetList datasets={data ?? []} />
      </QueryState>
    </div>
  );
}
