import { FDT_BEGIN_NODE, FDT_END, FDT_END_NODE, FDT_MAGIC, FDT_NOP, FDT_PROP } from '../constants';
import { fdtVersionFormat } from '../FdtVersionFormat';

/** Header fields a test can force to any value (offsets and sizes are computed otherwise). */
export interface RawHeaderOverrides {
  magic?: number;
  totalSize?: number;
  offDtStruct?: number;
  offDtStrings?: number;
  offMemRsvmap?: number;
  version?: number;
  lastCompVersion?: number;
  bootCpuidPhys?: number;
  sizeDtStrings?: number;
  sizeDtStruct?: number;
}

/**
 * Builds blobs token by token, without any of the writer's validation, so
 * reader tests can make exactly the malformed input they need. Property values
 * of 8+ bytes get the 8-byte alignment of versions before 16 only when
 * `alignLargeValues` is set.
 */
export class RawBlobBuilder {
  readonly #structure: number[] = [];
  readonly #strings: number[] = [];
  readonly #reservations: [bigint, bigint][] = [];
  readonly #alignLargeValues: boolean;

  constructor(options: { alignLargeValues?: boolean } = {}) {
    this.#alignLargeValues = options.alignLargeValues ?? false;
  }

  /** Appends a NUL-terminated string to the strings block and returns its offset. */
  string(text: string): number {
    const offset = this.#strings.length;
    for (const char of text) this.#strings.push(char.charCodeAt(0));
    this.#strings.push(0);
    return offset;
  }

  /** Raw bytes appended to the strings block. */
  rawStrings(bytes: number[]): this {
    this.#strings.push(...bytes);
    return this;
  }

  reserve(address: bigint, size: bigint): this {
    this.#reservations.push([address, size]);
    return this;
  }

  beginNode(name: string): this {
    this.u32(FDT_BEGIN_NODE);
    for (const char of name) this.#structure.push(char.charCodeAt(0));
    this.#structure.push(0);
    return this.#align(4);
  }

  endNode(): this {
    return this.u32(FDT_END_NODE);
  }

  /** A property; `name` is a string (added to the strings block) or a raw name offset. */
  prop(name: string | number, value: number[] = []): this {
    const nameOffset = typeof name === 'number' ? name : this.string(name);
    this.u32(FDT_PROP).u32(value.length).u32(nameOffset);
    if (this.#alignLargeValues && value.length >= 8) this.#align(8);
    this.#structure.push(...value);
    return this.#align(4);
  }

  nop(): this {
    return this.u32(FDT_NOP);
  }

  end(): this {
    return this.u32(FDT_END);
  }

  /** Any u32 into the structure block (unknown tokens, lying lengths). */
  u32(value: number): this {
    this.#structure.push(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
    return this;
  }

  /** Any bytes into the structure block. */
  raw(bytes: number[]): this {
    this.#structure.push(...bytes);
    return this;
  }

  /** Offset the next structure byte will have inside the structure block. */
  get structureLength(): number {
    return this.#structure.length;
  }

  /**
   * The blob in dtc's layout for `version` (header, reservations at 8-byte
   * alignment, structure, strings), with `overrides` written over the header
   * afterwards.
   */
  build(version = 17, overrides: RawHeaderOverrides = {}): Uint8Array {
    const format = fdtVersionFormat(version) ?? fdtVersionFormat(17)!;
    const reservationsOffset = (format.headerSize + 7) & ~7;
    const structureOffset = reservationsOffset + (this.#reservations.length + 1) * 16;
    const stringsOffset = structureOffset + this.#structure.length;
    const totalSize = stringsOffset + this.#strings.length;
    const blob = new Uint8Array(totalSize);
    const view = new DataView(blob.buffer);
    const fields: [number, number | undefined][] = [
      [0x00, overrides.magic ?? FDT_MAGIC],
      [0x04, overrides.totalSize ?? totalSize],
      [0x08, overrides.offDtStruct ?? structureOffset],
      [0x0c, overrides.offDtStrings ?? stringsOffset],
      [0x10, overrides.offMemRsvmap ?? reservationsOffset],
      [0x14, overrides.version ?? version],
      [0x18, overrides.lastCompVersion ?? format.dtcLastCompVersion],
      [0x1c, format.hasBootCpuid ? (overrides.bootCpuidPhys ?? 0) : undefined],
      [0x20, format.hasStringsSize ? (overrides.sizeDtStrings ?? this.#strings.length) : undefined],
      [0x24, format.hasStructSize ? (overrides.sizeDtStruct ?? this.#structure.length) : undefined],
    ];
    for (const [offset, value] of fields) if (value !== undefined) view.setUint32(offset, value >>> 0);
    this.#reservations.forEach(([address, size], i) => {
      view.setBigUint64(reservationsOffset + i * 16, address);
      view.setBigUint64(reservationsOffset + i * 16 + 8, size);
    });
    blob.set(this.#structure, structureOffset);
    blob.set(this.#strings, stringsOffset);
    return blob;
  }

  #align(alignment: number): this {
    while (this.#structure.length % alignment !== 0) this.#structure.push(0);
    return this;
  }
}
