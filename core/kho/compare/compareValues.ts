import { sameBytes } from '../../fdt/sameBytes';
import type { TypedValue } from '../model/TypedValue';
import type { ChangeSink, PairPlace } from './ChangeSink';
import { comparedValue } from './comparedValue';
import type { ChangeLevel } from './GraphComparison';

/** A named value with its bytes: an FDT property or a raw-struct field. */
export interface NamedValue {
  name: string;
  value: TypedValue;
  raw: Uint8Array;
}

/** Says whether a property of a node holds a pointer on a side (a followed link, a map address). */
export type IsPointer = (side: 'a' | 'b', node: string, property: string) => boolean;

/**
 * Compares the properties of two nodes (or the fields of two raw structs,
 * `node` = '') by name: one on a side only is added or removed; one whose
 * bytes differ is `changed`, or `moved` when it holds a pointer on both sides.
 */
export function compareValues(
  a: NamedValue[],
  b: NamedValue[],
  node: string,
  level: Extract<ChangeLevel, 'property' | 'field'>,
  place: PairPlace,
  sink: ChangeSink,
  isPointer: IsPointer,
): void {
  const where = (name: string) => (node === '' ? `${level} ${name}` : `${level} ${name} of ${node}`);
  const bValues = new Map(b.map((item) => [item.name, item]));
  const aNames = new Set(a.map((item) => item.name));
  const at = node === '' ? null : node;
  for (const before of a) {
    const after = bValues.get(before.name);
    const valueA = comparedValue(before.value, before.raw);
    if (!after) {
      sink.add(place, {
        kind: 'removed',
        level,
        node: at,
        name: before.name,
        before: valueA,
        summary: `${where(before.name)} removed`,
      });
      continue;
    }
    if (sameBytes(before.raw, after.raw)) continue;
    const moved = isPointer('a', node, before.name) && isPointer('b', node, after.name);
    const valueB = comparedValue(after.value, after.raw);
    sink.add(place, {
      kind: moved ? 'moved' : 'changed',
      level,
      node: at,
      name: before.name,
      before: valueA,
      after: valueB,
      summary: moved
        ? `pointer ${before.name}${at ? ` of ${at}` : ''} moved ${valueA.text} → ${valueB.text}`
        : `${where(before.name)} ${valueA.text} → ${valueB.text}`,
    });
  }
  for (const after of b) {
    if (aNames.has(after.name)) continue;
    sink.add(place, {
      kind: 'added',
      level,
      node: at,
      name: after.name,
      after: comparedValue(after.value, after.raw),
      summary: `${where(after.name)} added`,
    });
  }
}
