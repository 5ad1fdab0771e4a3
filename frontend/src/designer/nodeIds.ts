/** Unique node ids derived from the component id: `split_data`, `split_data_2`, ... */
export function uniqueNodeId(componentId: string, existingIds: Iterable<string>): string {
  const taken = new Set(existingIds);
  if (!taken.has(componentId)) return componentId;
  let n = 2;
  while (taken.has(`${componentId}_${n}`)) n += 1;
  return `${componentId}_${n}`;
}
