/** The task a target column suggests, from its type and how many distinct values it has. */
import type { ColumnProfile } from "../api/datasetHooks";
import type { AutoMLTask } from "../api/automlTypes";
import type { DatasetColumn } from "../api/types";

/** Integer targets with at most this many distinct values look like classes. */
export const MAX_CLASSES = 20;

export function suggestTask(column: DatasetColumn, profile?: ColumnProfile): AutoMLTask {
  if (column.categorical || column.type === "string" || column.type === "boolean") return "classification";
  if (column.type === "integer") {
    return profile === undefined || profile.distinct <= MAX_CLASSES ? "classification" : "regression";
  }
  return "regression";
}

/** "a (50), b (30), …" — the most frequent values with their counts. */
export function classCounts(profile: ColumnProfile | undefined, shown = 5): string {
  const values = profile?.top_values ?? [];
  const listed = values.slice(0, shown).map((v) => `${v.value} (${v.count})`);
  return values.length > shown ? `${listed.join(", ")}, …` : listed.join(", ");
}
