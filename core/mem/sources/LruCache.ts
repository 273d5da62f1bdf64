/**
 * A least-recently-used map bounded by a total cost (bytes, usually). Used for
 * file chunks and decoded kdump pages, so repeated reads of the same page are
 * cheap while memory stays bounded whatever the image size.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; cost: number }>();
  private total = 0;

  constructor(private readonly maxCost: number) {}

  /** The value for `key`, marked as most recently used; `undefined` when absent. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting moves the key to the young end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value`, then evicts the oldest entries until the total cost fits. */
  set(key: K, value: V, cost: number): void {
    this.delete(key);
    this.entries.set(key, { value, cost });
    this.total += cost;
    for (const [oldKey, old] of this.entries) {
      if (this.total <= this.maxCost || oldKey === key) break;
      this.entries.delete(oldKey);
      this.total -= old.cost;
    }
  }

  /** Removes `key` if present. */
  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.cost;
  }

  /** Sum of the costs of the entries held. */
  get cost(): number {
    return this.total;
  }
}
