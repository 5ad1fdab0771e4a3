/** Deletes the dataset (asks to confirm), then goes back to the datasets list. */
import { useNavigate } from "react-router-dom";
import { useDeleteDataset } from "../api/datasetHooks";
import { errorMessage } from "../layout/QueryState";

export function DeleteDatasetButton({ name }: { name: string }) {
  const remove = useDeleteDataset();
  const navigate = useNavigate();
  const onDelete = () => {
    const question = `Delete dataset "${name}" and all its versions? Pipelines that use it will no longer run.`;
    if (!window.confirm(question)) return;
    remove.mutate(name, { onSuccess: () => navigate("/datasets") });
  };
  return (
    <>
      <button type="button" className="danger" onClick={onDelete} disabled={remove.isPending}>
        Delete dataset
      </button>
      {remove.error && (
        <span className="field-error" role="alert">
          {errorMessage(remove.error)}
        </span>
      )}
    </>
  );
}
