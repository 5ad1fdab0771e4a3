/** Unique node ids derived from the component id: `split_data`, `split_data_2`, ... */
export function uniqueNodeId(componentId: string, existingIds: Iterable<string>): string {
  const taken = new Set(existingIds);
  if (!taken.has(componentId)) return componentId;
  let n = 2;
  while (taken.has(`${componentId}_${n}`)) n += 1;
  return `${componentId}_${n}`;
}

/** A node id made of ``text`` (letters, digits, ``_`` and ``-``; ports are addressed as ``node.port``). */
export function nodeIdFrom(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "");
}
