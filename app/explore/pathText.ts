/**
 * A place written as one line, for copying: `0x23a000:/memblock` for a node,
 * `0x23a000:/memblock/preserved-data` for a property, `0x1844000:sessions_pa`
 * for a raw field (node '').
 */
export function pathText(fragment: string, node: string, property?: string): string {
  if (property === undefined) return `${fragment}:${node}`;
  if (node === '') return `${fragment}:${property}`;
  return `${fragment}:${node === '/' ? '' : node}/${property}`;
}
