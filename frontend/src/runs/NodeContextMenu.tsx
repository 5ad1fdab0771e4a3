/** Right-click menu of a node with a finished step: view outputs, view log, regenerate. */
import { useEffect } from "react";
import type { StepMenuItem } from "./stepMenu";

export interface NodeContextMenuProps {
  nodeId: string;
  x: number;
  y: number;
  items: StepMenuItem[];
  onSelect: (item: StepMenuItem) => void;
  onClose: () => void;
}

export function NodeContextMenu({ nodeId, x, y, items, onSelect, onClose }: NodeContextMenuProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <>
      <div className="context-menu-backdrop" onClick={onClose} onContextMenu={(e) => { e.preventDefault(); onClose(); }} />
      <ul className="context-menu" role="menu" aria-label={`Actions for ${nodeId}`} style={{ left: x, top: y }} data-testid="node-context-menu">
        {items.map((item) => (
          <li key={item.kind === "output" ? `output-${item.port}` : item.kind}>
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                onSelect(item);
                onClose();
              }}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
