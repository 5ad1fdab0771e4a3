/** Reads a step log from offset 0 and keeps polling for more until the step is finished. */
import { useEffect, useState } from "react";
import { fetchStepLog } from "../api/runHooks";
import { errorMessage } from "../layout/QueryState";

const POLL_MS = 1000;

export function useLogTail(runId: string, nodeId: string) {
  const [text, setText] = useState("");
  const [finished, setFinished] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let offset = 0;
    setText("");
    setFinished(false);
    setError(null);
    const poll = async () => {
      try {
        const chunk = await fetchStepLog(runId, nodeId, offset);
        if (stopped) return;
        offset = chunk.offset;
        if (chunk.text) setText((t) => t + chunk.text);
        if (chunk.finished) setFinished(true);
        else timer = setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (!stopped) setError(errorMessage(err));
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [runId, nodeId]);

  return { text, finished, error };
}
