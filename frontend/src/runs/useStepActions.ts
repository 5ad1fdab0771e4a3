/** State of the node context menu and the output/log viewer it opens. */
import { useCallback, useState, type MouseEvent } from "react";
import type { RunStep } from "../api/runHooks";
import type { StepViewerTarget } from "./StepViewerDialog";
import { stepMenuItems, type StepMenuItem } from "./stepMenu";

export interface OpenMenu {
  nodeId: string;
  x: number;
  y: number;
  items: StepMenuItem[];
}

export function useStepActions(runId: string | null | undefined, onRegenerate?: (nodeId: string) => void) {
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const [view, setView] = useState<StepViewerTarget | null>(null);

  const openMenu = useCallback(
    (event: MouseEvent, nodeId: string, step: RunStep | undefined, portOrder: string[] = []) => {
      const items = stepMenuItems(step, portOrder).filter((i) => i.kind !== "regenerate" || onRegenerate);
      if (!runId || items.length === 0) return;
      event.preventDefault();
      setMenu({ nodeId, x: event.clientX, y: event.clientY, items });
    },
    [runId, onRegenerate],
  );

  const select = useCallback(
    (nodeId: string, item: StepMenuItem) => {
      if (!runId) return;
      if (item.kind === "output") setView({ runId, nodeId, kind: "output", port: item.port });
      else if (item.kind === "log") setView({ runId, nodeId, kind: "log" });
      else onRegenerate?.(nodeId);
    },
    [runId, onRegenerate],
  );

  return {
    menu,
    view,
    openMenu,
    select,
    showView: setView,
    closeMenu: useCallback(() => setMenu(null), []),
    closeView: useCallback(() => setView(null), []),
  };
}

export type StepActions = ReturnType<typeof useStepActions>;
