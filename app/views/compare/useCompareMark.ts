import { useCompareStore } from './compareStore';
import type { CompareMark } from './compareMarks';

/** The comparison mark of the place with selection key `key` (undefined when unmarked), for a `data-compare` attribute. */
export function useCompareMark(key: string): CompareMark | undefined {
  return useCompareStore((state) => state.marks.get(key));
}
