import { useMemo } from 'react';
import { useEditStore } from '../state/editStore';

const NOTHING_CHANGED: readonly string[] = [];

/**
 * Ids of the fragments of the shown graph that the edit rewrites, patches,
 * moves or creates (the worker's `EditSnapshot.changed`), as a set. Every
 * view that marks edited places (graph cards, outline rows) reads it here,
 * so they always agree.
 */
export function useChangedFragments(): ReadonlySet<string> {
  const ids = useEditStore((state) => state.snapshot?.changed ?? NOTHING_CHANGED);
  return useMemo(() => new Set(ids), [ids]);
}
