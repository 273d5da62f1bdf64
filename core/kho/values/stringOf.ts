import type { TypedValue } from '../model/TypedValue';

/** The (first) string of a typed value, or null when it is not a string. */
export function stringOf(value: TypedValue | undefined): string | null {
  if (value?.kind === 'string') return value.value;
  if (value?.kind === 'string-list') return value.values[0] ?? null;
  return null;
}
