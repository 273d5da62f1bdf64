import type { ChangeSink, PairPlace } from './ChangeSink';
import { plainValue } from './comparedValue';
import type { ChangeLevel } from './GraphComparison';

/** One named item of decoded data (a user's session name, a map's block count), as text. */
export interface Leaf {
  text: string;
  /** True for physical addresses of structures, which move across kexec. */
  pointer: boolean;
}

/**
 * Compares two sets of named decoded items: one on a side only is added or
 * removed, one whose text differs is `changed`, or `moved` when it is an
 * address on both sides.
 */
export function compareLeaves(
  before: Map<string, Leaf>,
  after: Map<string, Leaf>,
  level: Extract<ChangeLevel, 'user' | 'map'>,
  place: PairPlace,
  sink: ChangeSink,
): void {
  const prefix = level === 'map' ? 'map ' : '';
  for (const [name, leaf] of before) {
    const other = after.get(name);
    if (other?.text === leaf.text) continue;
    const moved = other !== undefined && leaf.pointer && other.pointer;
    sink.add(place, {
      kind: other === undefined ? 'removed' : moved ? 'moved' : 'changed',
      level,
      name,
      before: plainValue(leaf.text),
      after: other ? plainValue(other.text) : null,
      summary:
        other === undefined
          ? `${prefix}${name} (${leaf.text}) removed`
          : `${prefix}${name} ${leaf.text} → ${other.text}`,
    });
  }
  for (const [name, leaf] of after) {
    if (!before.has(name))
      sink.add(place, {
        kind: 'added',
        level,
        name,
        after: plainValue(leaf.text),
        summary: `${prefix}${name} (${leaf.text}) added`,
      });
  }
}
