import { guessDtsRangeType } from './guessDtsValueType';

const HEX_DIGITS = new TextEncoder().encode('0123456789abcdef');
const TAB = 0x09;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const ZERO = 0x30;
const SEVEN = 0x37;
const QUESTION_MARK = 0x3f;

/**
 * dtc's one-letter escape for each byte that has one, as the letter's code
 * (treesource.c `write_propval_string`); 0 for bytes without one.
 */
const LETTER_ESCAPES = new Uint8Array(256);
for (const [byte, letter] of [
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [QUOTE, '"'],
  [BACKSLASH, '\\'],
] as const) {
  LETTER_ESCAPES[byte] = letter.charCodeAt(0);
}

/**
 * DTS text as bytes, one byte per char, in a buffer that grows as needed:
 * the one place that knows how dtc writes a value, shared by the string
 * formatters (`formatDtsValue`) and the streaming printer of a whole blob
 * (`printFdtIndexDts`). Writing bytes rather than building strings keeps a
 * 25 MB decompile to a copy of the blob's bytes with the punctuation added.
 *
 * `take()` hands out what was written and starts a fresh buffer, so a caller
 * can stream the text in chunks of about the initial capacity; one value
 * longer than that grows the buffer for that chunk only.
 */
export class DtsByteWriter {
  readonly #capacity: number;
  #buffer: Uint8Array;
  #length = 0;

  /** `capacity`: the initial buffer size in bytes, and the size a buffer starts again at after `take()`. */
  constructor(capacity = 64 * 1024) {
    this.#capacity = Math.max(16, capacity);
    this.#buffer = new Uint8Array(this.#capacity);
  }

  /** Bytes written since the last `take()`. */
  get length(): number {
    return this.#length;
  }

  /** What was written since the last `take()`, as its own bytes; the writer starts on a fresh buffer. */
  take(): Uint8Array {
    const written = this.#buffer.subarray(0, this.#length);
    this.#buffer = new Uint8Array(this.#capacity);
    this.#length = 0;
    return written;
  }

  /**
   * Text of one-byte chars (names read from a blob are such text: one char
   * per byte). A char above U+00FF has no byte in DTS text and is written
   * as `?`; no name or value can hold one, only a caller's note.
   */
  text(text: string): void {
    this.#reserve(text.length);
    const buffer = this.#buffer;
    let at = this.#length;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      buffer[at++] = code > 0xff ? QUESTION_MARK : code;
    }
    this.#length = at;
  }

  /** `count` tabs: dtc's indentation. */
  tabs(count: number): void {
    this.#reserve(count);
    this.#buffer.fill(TAB, this.#length, this.#length + count);
    this.#length += count;
  }

  /** A line break. */
  newline(): void {
    this.#reserve(1);
    this.#buffer[this.#length++] = NEWLINE;
  }

  /**
   * The value bytes [start, end) of `bytes` as dtc writes them after ` = `,
   * typed by dtc's own guess (`guessDtsValueType`) unless `type` is given.
   * Nothing for an empty value. The caller has checked that the type fits
   * (see `formatDtsValue`).
   */
  value(bytes: Uint8Array, start: number, end: number, type = guessDtsRangeType(bytes, start, end)): void {
    switch (type) {
      case 'empty':
        return;
      case 'string':
        this.#string(bytes, start, end);
        return;
      case 'cells':
        this.#cells(bytes, start, end);
        return;
      case 'bytes':
        this.#byteList(bytes, start, end);
        return;
    }
  }

  /** Room for `count` more bytes. */
  #reserve(count: number): void {
    const needed = this.#length + count;
    if (needed <= this.#buffer.length) return;
    const grown = new Uint8Array(Math.max(needed, this.#buffer.length * 2));
    grown.set(this.#buffer.subarray(0, this.#length));
    this.#buffer = grown;
  }

  /** A NUL-terminated value as one quoted string (see `formatDtsString` for dtc's rules and ours). */
  #string(bytes: Uint8Array, start: number, end: number): void {
    const last = end - 1;
    // Worst case: every byte as a four-char \xNN, plus the quotes.
    this.#reserve(4 * (last - start) + 2);
    const buffer = this.#buffer;
    let at = this.#length;
    buffer[at++] = QUOTE;
    for (let i = start; i < last; i++) {
      const byte = bytes[i];
      const letter = LETTER_ESCAPES[byte];
      if (byte === 0 && i + 1 < last && bytes[i + 1] >= ZERO && bytes[i + 1] <= SEVEN) {
        // \000, not \0: a digit after \0 would read back as part of the escape.
        buffer[at++] = BACKSLASH;
        buffer[at++] = ZERO;
        buffer[at++] = ZERO;
        buffer[at++] = ZERO;
      } else if (letter !== 0) {
        buffer[at++] = BACKSLASH;
        buffer[at++] = letter;
      } else if (byte >= 0x20 && byte <= 0x7e) {
        buffer[at++] = byte;
      } else {
        buffer[at++] = BACKSLASH;
        buffer[at++] = 0x78; // x
        buffer[at++] = HEX_DIGITS[byte >> 4];
        buffer[at++] = HEX_DIGITS[byte & 15];
      }
    }
    buffer[at++] = QUOTE;
    this.#length = at;
  }

  /** Big-endian 32-bit cells: `<0x01 0xabcdef>`, lowercase hex, at least two digits. */
  #cells(bytes: Uint8Array, start: number, end: number): void {
    // Per cell at most "0x" + 8 digits + a separator; plus the brackets.
    this.#reserve(((end - start) / 4) * 11 + 2);
    const buffer = this.#buffer;
    let at = this.#length;
    buffer[at++] = 0x3c; // <
    for (let i = start; i < end; i += 4) {
      if (i > start) buffer[at++] = SPACE;
      const cell = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
      buffer[at++] = ZERO;
      buffer[at++] = 0x78; // x
      let digits = 2;
      while (digits < 8 && cell >>> (digits * 4) !== 0) digits++;
      for (let shift = (digits - 1) * 4; shift >= 0; shift -= 4) buffer[at++] = HEX_DIGITS[(cell >>> shift) & 15];
    }
    buffer[at++] = 0x3e; // >
    this.#length = at;
  }

  /** dtc's byte string: `[01 ab ff]`. */
  #byteList(bytes: Uint8Array, start: number, end: number): void {
    this.#reserve(3 * (end - start) + 2);
    const buffer = this.#buffer;
    let at = this.#length;
    buffer[at++] = 0x5b; // [
    for (let i = start; i < end; i++) {
      if (i > start) buffer[at++] = SPACE;
      buffer[at++] = HEX_DIGITS[bytes[i] >> 4];
      buffer[at++] = HEX_DIGITS[bytes[i] & 15];
    }
    buffer[at++] = 0x5d; // ]
    this.#length = at;
  }
}
