/** Component palette: grouped, searchable, items dragged onto the canvas. */
import { useMemo, useState } from "react";
import type { ComponentSpec } from "../api/types";
import { groupComponents } from "./paletteGroups";
import { COMPONENT_DRAG_MIME } from "./types";

export function Palette({ manifest }: { manifest: ComponentSpec[] }) {
  const [query, setQuery] = useState("");
  const groups = useMemo(() => groupComponents(manifest, query), [manifest, query]);
  return (
    <aside className="palette">
      <input
        type="search"
        className="palette-search"
        placeholder="Search components"
        aria-label="Search components"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {groups.map((group) => (
        <details key={group.category} open className="palette-group">
          <summary>{group.category}</summary>
          <ul>
            {group.components.map((c) => (
              <li
                key={c.id}
                className="palette-item"
                data-testid={`palette-item-${c.id}`}
                draggable
                title={c.description}
                onDragStart={(e) => {
                  e.dataTransfer.setData(COMPONENT_DRAG_MIME, c.id);
                  e.dataTransfer.effectAllowed = "move";
                }}
              >
                {c.name}
              </li>
            ))}
          </ul>
        </details>
      ))}
      {groups.length === 0 && <p className="muted">No component matches.</p>}
    </aside>
  );
}
