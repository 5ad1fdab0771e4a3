import { useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import { useComponents, usePipeline, useSavePipeline } from "../api/hooks";
import { useCreatePipeline } from "../api/pipelineHooks";
import type { PipelineDocument } from "../api/types";
import { DesignerCanvas } from "../designer/DesignerCanvas";
import { errorMessage, QueryState } from "../layout/QueryState";
import { useLeaveGuard } from "../layout/useLeaveGuard";
import { ApiError } from "../api/client";
import { InferenceNotice, inferenceNoticeOf } from "../inference/InferenceNotice";

function saveErrorText(error: unknown): string | null {
  if (!error) return null;
  const base = errorMessage(error);
  if (error instanceof ApiError && error.details) return `${base}: ${JSON.stringify(error.details)}`;
  return base;
}

export function DesignerPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const notice = inferenceNoticeOf(useLocation().state);
  const components = useComponents();
  const pipeline = usePipeline(id);
  const save = useSavePipeline();
  const create = useCreatePipeline();
  const [unsaved, setUnsaved] = useState(false);
  const allowLeaving = useLeaveGuard(unsaved);
  const clone = (document: PipelineDocument) => {
    const name = window.prompt("Name of the copy", `${id}-copy`)?.trim();
    if (!name) return;
    create.mutate(
      { ...document, name },
      {
        onSuccess: (copy) => {
          allowLeaving(); // the canvas is kept in the copy
          navigate(`/pipelines/${encodeURIComponent(copy.id)}`);
        },
      },
    );
  };
  return (
    <QueryState isLoading={components.isLoading || pipeline.isLoading} error={components.error ?? pipeline.error}>
      {components.data && pipeline.data && (
        <DesignerCanvas
          key={id}
          pipelineId={id}
          manifest={components.data}
          document={pipeline.data.document}
          onSave={(document) => save.mutateAsync({ id, document }).then(() => true)}
          onDirtyChange={setUnsaved}
          onClone={clone}
          saving={save.isPending || create.isPending}
          saveError={saveErrorText(save.error ?? create.error)}
          saveMessage={save.isSuccess ? `Saved ${save.data.updated_at}` : null}
          banner={notice && <InferenceNotice notice={notice} />}
        />
      )}
    </QueryState>
  );
}
