/** Asks before leaving a page with unsaved work: other pages of the studio (router
 * navigation) and closing or reloading the tab (the browser's own question). */
import { useCallback, useEffect, useRef } from "react";
import { useBlocker } from "react-router-dom";

export const LEAVE_QUESTION = "This pipeline has changes that are not saved. Leave without saving?";

/** Returns a function to call before a navigation that must not ask (the work was kept). */
export function useLeaveGuard(unsaved: boolean): () => void {
  const allowed = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(LEAVE_QUESTION)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [unsaved]);
  return useCallback(() => {
    allowed.current = true;
  }, []);
}
