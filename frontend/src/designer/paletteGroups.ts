/** Grouping and search of the component palette. */
import type { ComponentSpec, DatasetSummary } from "../api/types";

export interface PaletteGroup {
  category: string;
  components: ComponentSpec[];
}

export const DATASETS_CATEGORY = "Datasets";
/** The component a registered dataset is dropped as (its ``name`` parameter preset). */
export const DATASET_COMPONENT = "dataset";

function matches(component: ComponentSpec, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return [component.name, component.description, component.id].some((text) => text.toLowerCase().includes(q));
}

/** Components grouped by category: "Datasets" first, then categories alphabetically; names sorted within a group. */
export function groupComponents(manifest: ComponentSpec[], query = ""): PaletteGroup[] {
  const groups = new Map<string, ComponentSpec[]>();
  for (const component of manifest) {
    if (!matches(component, query.trim())) continue;
    const list = groups.get(component.category) ?? [];
    list.push(component);
    groups.set(component.category, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => {
      if (a === DATASETS_CATEGORY) return -1;
      if (b === DATASETS_CATEGORY) return 1;
      return a.localeCompare(b);
    })
    .map(([category, components]) => ({
      category,
      components: [...components].sort((x, y) => x.name.localeCompare(y.name)),
    }));
}

/** Registered datasets whose name or description matches ``query``, by name. */
export function matchingDatasets(datasets: DatasetSummary[], query = ""): DatasetSummary[] {
  const q = query.trim().toLowerCase();
  return datasets
    .filter((d) => !q || d.name.toLowerCase().includes(q) || d.description.toLowerCase().includes(q))
    .sort((a, b) => a.name.localeCompare(b.name));
}
