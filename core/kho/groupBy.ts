/**
 * The items grouped by a key, each group in the items' order: one pass, so a
 * renderer or ranker can look up "every link from this fragment" in constant
 * time instead of scanning every item for every place (which made text
 * rendering quadratic in fragments and links).
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
