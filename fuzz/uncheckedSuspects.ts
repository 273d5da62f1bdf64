import { readFileSync } from 'node:fs';
import type { OutcomeKind } from './runTarget';

/**
 * A hang or slow input of the pool that the re-checks had no time for: its
 * family and index make the input again (with the run's seed), and the
 * pool's verdict stands until it is re-checked alone.
 */
export interface UncheckedSuspect {
  family: string;
  index: number;
  kind: OutcomeKind;
  message: string;
}

/**
 * Reads the seed and the unchecked suspects from a run's summary JSON
 * (`fuzz/out/summary-seedN.json`, written by `npm run fuzz`), for
 * `--recheck-from`. Throws a plain-words error naming the file when it is
 * not such a summary.
 */
export function readUncheckedSuspects(path: string): { seed: number; suspects: UncheckedSuspect[] } {
  const fail = (what: string): never => {
    throw new Error(`${path}: ${what}; expected the summary JSON of a fuzz run (fuzz/out/summary-seedN.json)`);
  };
  let json: { run?: { seed?: unknown }; notRechecked?: unknown };
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return fail((error as Error).message);
  }
  const seed = json?.run?.seed;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) fail('no run.seed');
  const list = json.notRechecked;
  if (!Array.isArray(list)) return fail('no notRechecked list');
  for (const [i, s] of list.entries())
    if (
      typeof s?.family !== 'string' ||
      !Number.isSafeInteger(s.index) ||
      typeof s.kind !== 'string' ||
      typeof s.message !== 'string'
    )
      fail(`notRechecked[${i}] is not { family, index, kind, message }`);
  return { seed: seed as number, suspects: list as UncheckedSuspect[] };
}
