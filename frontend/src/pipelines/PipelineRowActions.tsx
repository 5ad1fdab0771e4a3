/** Clone (asks for the new name) and delete (asks to confirm) of one pipeline in the list. */
import { useState, type FormEvent } from "react";
import { useClonePipeline, useDeletePipeline } from "../api/pipelineHooks";
import { errorMessage } from "../layout/QueryState";
import "./pipelines.css";

export function PipelineRowActions({ name }: { name: string }) {
  const clone = useClonePipeline();
  const remove = useDeletePipeline();
  const [cloneName, setCloneName] = useState<string | null>(null);

  const onDelete = () => {
    if (window.confirm(`Delete pipeline "${name}" and all its versions? Its runs are kept.`)) remove.mutate(name);
  };
  const onClone = (event: FormEvent) => {
    event.preventDefault();
    const target = cloneName?.trim();
    if (!target) return;
    clone.mutate({ source: name, name: target }, { onSuccess: () => setCloneName(null) });
  };
  const error = clone.error ?? remove.error;

  return (
    <div className="row-actions">
      {cloneName === null ? (
        <>
          <button type="button" onClick={() => setCloneName(`${name}-copy`)}>
            Clone
          </button>
          <button type="button" onClick={onDelete} disabled={remove.isPending}>
            Delete
          </button>
        </>
      ) : (
        <form className="inline-form" onSubmit={onClone} aria-label={`Clone ${name}`}>
          <input
            aria-label={`Name of the copy of ${name}`}
            value={cloneName}
            autoFocus
            onChange={(e) => {
              setCloneName(e.target.value);
              clone.reset();
            }}
          />
          <button type="submit" className="primary" disabled={!cloneName.trim() || clone.isPending}>
            Clone
          </button>
          <button
            type="button"
            onClick={() => {
              setCloneName(null);
              clone.reset();
            }}
          >
            Cancel
          </button>
        </form>
      )}
      {error && (
        <span className="field-error" role="alert">
          {errorMessage(error)}
        </span>
      )}
    </div>
  );
}
