import { ByteSink } from './ByteSink';

/**
 * Suffixes up to this length are indexed; longer names are looked up by a
 * scan of the table text. Indexing every suffix of a long name would cost its
 * length squared; real property names are far shorter.
 */
const INDEXED_SUFFIX_LENGTH = 256;

/**
 * The strings block as dtc builds it (`stringtable_insert` in flattree.c): a
 * name is stored once, and a name that already occurs anywhere in the table
 * as the tail of an earlier string ("name" inside "linux,name") reuses that
 * occurrence. dtc takes the first position in the table where the NUL-
 * terminated string equals the name; this class gives the same offsets without
 * dtc's scan of the whole table per insertion.
 */
export class DtcStringTable {
  readonly #sink = new ByteSink();
  /** First table position of every indexed suffix of every stored string. */
  readonly #suffixes = new Map<string, number>();
  /** The table as text, kept only for names too long to be indexed. */
  #text = '';

  /** The offset of `name` in the table, appending it when it does not occur yet. */
  insert(name: string): number {
    const found = name.length <= INDEXED_SUFFIX_LENGTH ? this.#suffixes.get(name) : this.#findLong(name);
    if (found !== undefined) return found;
    const offset = this.#sink.length;
    this.#sink.latin1z(name);
    this.#text += `${name}\0`;
    for (let start = Math.max(0, name.length - INDEXED_SUFFIX_LENGTH); start < name.length; start++) {
      const suffix = name.slice(start);
      if (!this.#suffixes.has(suffix)) this.#suffixes.set(suffix, offset + start);
    }
    return offset;
  }

  /** The table bytes (a view; copy before inserting more). */
  view(): Uint8Array {
    return this.#sink.view();
  }

  #findLong(name: string): number | undefined {
    const at = this.#text.indexOf(`${name}\0`);
    return at < 0 ? undefined : at;
  }
}
