/** A step log in monospace, following new lines while the step runs. */
import { useEffect, useRef } from "react";
import { useLogTail } from "./useLogTail";

export function LogViewer({ runId, nodeId }: { runId: string; nodeId: string }) {
  const { text, finished, error } = useLogTail(runId, nodeId);
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.scrollTop = ref.current.scrollHeight;
  }, [text]);
  return (
    <div className="log-viewer">
      {error && <p className="field-error" role="alert">{error}</p>}
      <pre ref={ref} className="log-text" data-testid="step-log">{text || (finished ? "(empty log)" : "")}</pre>
      {!finished && !error && <p className="muted">Following the log…</p>}
    </div>
  );
}
