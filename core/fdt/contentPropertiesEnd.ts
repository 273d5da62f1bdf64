import type { FdtIndex } from './FdtIndex';
import { nodeNameProperty } from './nodeNameProperty';

/**
 * One past the node's last property that is content: in versions before 16
 * (`dropNameProperty`) a last property that is exactly the `name` dtc adds
 * (`nodeNameProperty`, and the only one so named) is format overhead and is
 * left out; otherwise every property counts. `nodeName` is `index.nodeName(n)`,
 * passed in because callers already have it.
 */
export function contentPropertiesEnd(index: FdtIndex, n: number, nodeName: string, dropNameProperty: boolean): number {
  const first = index.nodeFirstProperty(n);
  const end = first + index.nodePropertyCount(n);
  return dropNameProperty && end > first && isGeneratedNameProperty(index, first, end - 1, nodeName) ? end - 1 : end;
}

/** The node's last property `p` is dtc's `name` property: the only one so named, with dtc's exact value. */
function isGeneratedNameProperty(index: FdtIndex, first: number, p: number, nodeName: string): boolean {
  if (index.propertyName(p) !== 'name') return false;
  for (let other = first; other < p; other++) if (index.propertyName(other) === 'name') return false;
  const expected = nodeNameProperty(nodeName);
  const value = index.propertyValue(p);
  return value.length === expected.length && value.every((byte, i) => byte === expected[i]);
}
