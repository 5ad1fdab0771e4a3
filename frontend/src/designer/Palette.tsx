/** Component palette: grouped, searchable, items dragged onto the canvas; the workspace's
 * registered datasets are listed first under "Datasets", each dropping a dataset node. */
import { useMemo, useState, type DragEvent } from "react";
import type { ComponentSpec, DatasetSummary } from "../api/types";
import { DATASETS_CATEGORY, DATASET_COMPONENT, groupComponents, matchingDatasets } from "./paletteGroups";
import { COMPONENT_DRAG_MIME, PARAMS_DRAG_MIME } from "./types";

function startDrag(event: DragEvent, componentId: string, params?: Record<string, unknown>) {
  event.dataTransfer.setData(COMPONENT_DRAG_MIME, componentId);
  if (params) event.dataTransfer.setData(PARAMS_DRAG_MIME, JSON.stringify(params));
  event.dataTransfer.effectAllowed = "move";
}

export function Palette({ manifest, datasets = [] }: { manifest: ComponentSpec[]; datasets?: DatasetSummary[] }) {
  const [query, setQuery] = useState("");
  const hasDatasetComponent = manifest.some((c) => c.id === DATASET_COMPONENT);
  const groups = useMemo(() => {
    const grouped = groupComponents(manifest, query);
    if (hasDatasetComponent && grouped[0]?.category !== DATASETS_CATEGORY) {
      grouped.unshift({ category: DATASETS_CATEGORY, components: [] });
    }
    return grouped;
  }, [manifest, query, hasDatasetComponent]);
  const shownDatasets = useMemo(
    () => (hasDatasetComponent ? matchingDatasets(datasets, query) : []),
    [datasets, query, hasDatasetComponent],
  );
  const visible = groups.filter((g) => g.components.length > 0 || (g.category === DATASETS_CATEGORY && shownDatasets.length > 0));
  return (
    <aside className="palette">
      <input
        type="search"
        className="palette-search"
        placeholder="Search modules and datasets"
        aria-label="Search components"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {visible.map((group) => (
        <details key={group.category} open className="palette-group">
          <summary>{group.category}</summary>
          <ul>
            {group.category === DATASETS_CATEGORY &&
              shownDatasets.map((d) => (
                <li
                  key={`dataset:${d.name}`}
                  className="palette-item palette-dataset"
                  data-testid={`palette-dataset-${d.name}`}
                  draggable
                  title={d.description || `Registered dataset ${d.name}`}
                  onDragStart={(e) => startDrag(e, DATASET_COMPONENT, { name: d.name })}
                >
                  {d.name}
                </li>
              ))}
            {group.components.map((c) => (
              <li
                key={c.id}
                className="palette-item"
                data-testid={`palette-item-${c.id}`}
                draggable
                title={c.description}
                onDragStart={(e) => startDrag(e, c.id)}
              >
                {c.name}
              </li>
            ))}
          </ul>
        </details>
      ))}
      {visible.length === 0 && <p className="muted">Nothing matches.</p>}
    </aside>
  );
}
