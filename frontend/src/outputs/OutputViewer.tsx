/** Fetches and shows one output port of a step; a table also offers its profile. */
import { useState } from "react";
import { useStepOutput } from "../api/runHooks";
import { QueryState } from "../layout/QueryState";
import { OutputContent } from "./OutputContent";
import { OutputProfile } from "./OutputProfile";

export function OutputViewer({ runId, nodeId, port }: { runId: string; nodeId: string; port: string }) {
  const output = useStepOutput(runId, nodeId, port);
  const [view, setView] = useState<"rows" | "profile">("rows");
  const isTable = output.data?.type === "table";
  return (
    <QueryState isLoading={output.isLoading} error={output.error}>
      {isTable && (
        <div className="output-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={view === "rows"} onClick={() => setView("rows")}>
            Rows
          </button>
          <button type="button" role="tab" aria-selected={view === "profile"} onClick={() => setView("profile")}>
            Profile
          </button>
        </div>
      )}
      {isTable && view === "profile" ? (
        <OutputProfile runId={runId} nodeId={nodeId} port={port} />
      ) : (
        output.data && <OutputContent output={output.data} />
      )}
    </QueryState>
  );
}
