/** Dataset names: the default taken from a file name, and the check the server applies. */

const KNOWN_EXTENSIONS = /\.(csv|tsv|txt|parquet|pq|jsonl|ndjson|json)(\.(gz|bz2|zip|xz))?$/i;
const SERVER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** "Credit Data (2024).CSV" → "credit-data-2024": lowercase letters, digits, '-' and '_'. */
export function nameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const stem = KNOWN_EXTENSIONS.test(base) ? base.replace(KNOWN_EXTENSIONS, "") : base.replace(/\.[^.]*$/, "");
  const name = stem
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 128);
  return name || "dataset";
}

/** Why the server would refuse the name, or null when it is fine. */
export function datasetNameProblem(name: string): string | null {
  if (!name.trim()) return "Give the dataset a name.";
  if (!SERVER_NAME.test(name.trim())) {
    return "Use up to 128 letters, digits, '_', '.' or '-', starting with a letter or digit.";
  }
  return null;
}
