/**
 * A least-recently-used map bounded by a total cost (bytes, usually). Used for
 * file chunks and decoded kdump pages, so repeated reads of the same page are
 * cheap while memory stays bounded whatever the image size.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; cost: number }>();
  private total = 0;
  /** The most recently used key (or none yet): a hit on it is already in place. */
  private youngest: K | undefined;
  private hasYoungest = false;

  constructor(private readonly maxCost: number) {}

  /** The value for `key`, marked as most recently used; `undefined` when absent. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting moves the key to the young end.
    // Reads come in runs on one chunk or page, so the key is often there already.
    if (!(this.hasYoungest && this.youngest === key)) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.#markYoungest(key);
    }
    return entry.value;
  }

  /** Stores `value`, then evicts the oldest entries until the total cost fits. */
  set(key: K, value: V, cost: number): void {
    this.delete(key);
    this.entries.set(key, { value, cost });
    this.#markYoungest(key);
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
    if (this.hasYoungest && this.youngest === key) {
      this.hasYoungest = false;
      this.youngest = undefined;
    }
  }

  #markYoungest(key: K): void {
    this.youngest = key;
    this.hasYoungest = true;
  }

  /** Sum of the costs of the entries held. */
  get cost(): number {
    return this.total;
  }
}
