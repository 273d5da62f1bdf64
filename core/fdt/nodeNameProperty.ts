/**
 * The value of the `name` property dtc adds to nodes in versions before 16:
 * the node's base name (up to any "@") and a NUL. The root's is a lone NUL.
 */
export function nodeNameProperty(nodeName: string): Uint8Array {
  const at = nodeName.indexOf('@');
  const base = at < 0 ? nodeName : nodeName.slice(0, at);
  const value = new Uint8Array(base.length + 1);
  for (let i = 0; i < base.length; i++) value[i] = base.charCodeAt(i);
  return value;
}
