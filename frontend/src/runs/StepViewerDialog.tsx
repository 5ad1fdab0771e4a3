/** A closable panel showing one step's output port or its log. */
import { LogViewer } from "../outputs/LogViewer";
import { OutputViewer } from "../outputs/OutputViewer";

export type StepViewerTarget = { runId: string; nodeId: string } & ({ kind: "output"; port: string } | { kind: "log" });

export function StepViewerDialog({ view, onClose }: { view: StepViewerTarget; onClose: () => void }) {
  const title = view.kind === "output" ? `${view.nodeId} ▸ ${view.port}` : `${view.nodeId} log`;
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog dialog-wide" role="dialog" aria-label={title} onClick={(e) => e.stopPropagation()}>
        <div className="dialog-header">
          <h2>{title}</h2>
          <button type="button" onClick={onClose} aria-label="Close">×</button>
        </div>
        {view.kind === "output" ? (
          <OutputViewer runId={view.runId} nodeId={view.nodeId} port={view.port} />
        ) : (
          <LogViewer runId={view.runId} nodeId={view.nodeId} />
        )}
      </div>
    </div>
  );
}
