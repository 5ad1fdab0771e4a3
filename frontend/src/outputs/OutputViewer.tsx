/** Fetches and shows one output port of a step. */
import { useStepOutput } from "../api/runHooks";
import { QueryState } from "../layout/QueryState";
import { OutputContent } from "./OutputContent";

export function OutputViewer({ runId, nodeId, port }: { runId: string; nodeId: string; port: string }) {
  const output = useStepOutput(runId, nodeId, port);
  return (
    <QueryState isLoading={output.isLoading} error={output.error}>
      {output.data && <OutputContent output={output.data} />}
    </QueryState>
  );
}
