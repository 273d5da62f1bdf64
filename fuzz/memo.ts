/** Values made once per worker, by key: what an input's mutation does not change (a demo's encoded containers). */
const made = new Map<string, unknown>();

/**
 * `make()`'s value for `key`, made on first use and kept for the worker's
 * life. Only for values no input changes: callers copy before mutating
 * (`mutateBytes` does). Keys are few (demos × containers × variants).
 */
export function memo<T>(key: string, make: () => T): T {
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}
