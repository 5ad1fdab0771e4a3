/** Follows a step's log: live through the server-sent events of .../log/stream, or, where
 * the stream is unavailable or breaks, by reading .../log from offset 0 and polling for more
 * until the step is finished. */
import { useEffect, useState } from "react";
import { fetchStepLog, stepPath } from "../api/runHooks";
import { errorMessage } from "../layout/QueryState";

const POLL_MS = 1000;

export function useLogTail(runId: string, nodeId: string) {
  const [text, setText] = useState("");
  const [finished, setFinished] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | undefined;
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
    if (typeof EventSource === "undefined") {
      void poll();
    } else {
      const stream = new EventSource(`/api${stepPath(runId, nodeId)}/log/stream`);
      source = stream;
      stream.addEventListener("log", (e) => setText((t) => t + (JSON.parse((e as MessageEvent<string>).data) as string)));
      stream.addEventListener("end", () => {
        stream.close();
        setFinished(true);
      });
      stream.onerror = () => {
        stream.close(); // read it again by polling, which also tells what went wrong
        if (stopped) return;
        setText("");
        void poll();
      };
    }
    return () => {
      stopped = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };
  }, [runId, nodeId]);

  return { text, finished, error };
}
