/**
 * A growable big-endian byte buffer for building blocks of a blob. Capacity
 * doubles, so appending n bytes costs O(n) overall.
 */
export class ByteSink {
  #bytes = new Uint8Array(1024);
  #length = 0;

  /** Bytes written so far. */
  get length(): number {
    return this.#length;
  }

  /** Appends a big-endian u32. */
  u32(value: number): void {
    const at = this.#reserve(4);
    const bytes = this.#bytes;
    bytes[at] = value >>> 24;
    bytes[at + 1] = value >>> 16;
    bytes[at + 2] = value >>> 8;
    bytes[at + 3] = value;
  }

  /** Appends raw bytes. */
  bytes(data: Uint8Array): void {
    const at = this.#reserve(data.length);
    this.#bytes.set(data, at);
  }

  /** Appends a string one byte per char (chars must be below 256), then a NUL. */
  latin1z(text: string): void {
    const at = this.#reserve(text.length + 1);
    const bytes = this.#bytes;
    for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
    bytes[at + text.length] = 0;
  }

  /** Appends zero bytes up to the next multiple of `alignment` (a power of two). */
  alignTo(alignment: number): void {
    const padding = (alignment - (this.#length & (alignment - 1))) & (alignment - 1);
    this.#reserve(padding);
  }

  /** The bytes written so far (a view; copy it before writing more). */
  view(): Uint8Array {
    return this.#bytes.subarray(0, this.#length);
  }

  /** Extends the length by `count` bytes (still zero: the buffer is only ever appended to) and returns where they start. */
  #reserve(count: number): number {
    const at = this.#length;
    const needed = at + count;
    if (needed > this.#bytes.length) {
      const bigger = new Uint8Array(Math.max(needed, this.#bytes.length * 2));
      bigger.set(this.#bytes.subarray(0, at));
      this.#bytes = bigger;
    }
    this.#length = needed;
    return at;
  }
}
