/** "New pipeline": asks for a name, creates an empty pipeline and opens it in the designer. */
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { useCreateEmptyPipeline } from "../api/pipelineHooks";
import { errorMessage } from "../layout/QueryState";
import "./pipelines.css";

export function NewPipelineButton() {
  const navigate = useNavigate();
  const create = useCreateEmptyPipeline();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");

  if (!open) {
    return (
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        New pipeline
      </button>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    create.mutate(trimmed, { onSuccess: (record) => navigate(`/pipelines/${encodeURIComponent(record.id)}`) });
  };
  const onCancel = () => {
    setOpen(false);
    setName("");
    create.reset();
  };
  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label="New pipeline">
      <input
        aria-label="New pipeline name"
        placeholder="Pipeline name"
        value={name}
        autoFocus
        onChange={(e) => {
          setName(e.target.value);
          create.reset();
        }}
      />
      <button type="submit" className="primary" disabled={!name.trim() || create.isPending}>
        Create
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {create.error && (
        <span className="field-error" role="alert">
          {errorMessage(create.error)}
        </span>
      )}
    </form>
  );
}
