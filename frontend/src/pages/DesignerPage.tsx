import { useParams } from "react-router-dom";
import { useComponents, usePipeline, useSavePipeline } from "../api/hooks";
import { DesignerCanvas } from "../designer/DesignerCanvas";
import { errorMessage, QueryState } from "../layout/QueryState";
import { ApiError } from "../api/client";

function saveErrorText(error: unknown): string | null {
  if (!error) return null;
  const base = errorMessage(error);
  if (error instanceof ApiError && error.details) return `${base}: ${JSON.stringify(error.details)}`;
  return base;
}

export function DesignerPage() {
  const { id = "" } = useParams();
  const components = useComponents();
  const pipeline = usePipeline(id);
  const save = useSavePipeline();
  return (
    <QueryState isLoading={components.isLoading || pipeline.isLoading} error={components.error ?? pipeline.error}>
      {components.data && pipeline.data && (
        <DesignerCanvas
          key={id}
          pipelineId={id}
          manifest={components.data}
          document={pipeline.data.document}
          onSave={(document) => save.mutate({ id, document })}
          saving={save.isPending}
          saveError={saveErrorText(save.error)}
          saveMessage={save.isSuccess ? `Saved ${save.data.updated_at}` : null}
        />
      )}
    </QueryState>
  );
}
