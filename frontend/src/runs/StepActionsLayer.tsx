/** Renders the open node context menu and step viewer of `useStepActions`. */
import { NodeContextMenu } from "./NodeContextMenu";
import { StepViewerDialog } from "./StepViewerDialog";
import type { StepActions } from "./useStepActions";

export function StepActionsLayer({ actions }: { actions: StepActions }) {
  const { menu, view } = actions;
  return (
    <>
      {menu && (
        <NodeContextMenu
          nodeId={menu.nodeId}
          x={menu.x}
          y={menu.y}
          items={menu.items}
          onSelect={(item) => actions.select(menu.nodeId, item)}
          onClose={actions.closeMenu}
        />
      )}
      {view && <StepViewerDialog view={view} onClose={actions.closeView} />}
    </>
  );
}
