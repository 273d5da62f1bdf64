import { readCString, readU16, readU32, readU64 } from '../../bytes/readers';
import type { RawField } from '../model/RawContent';

/**
 * Reads the fields of a packed little-endian struct out of a fragment's
 * bytes and records each as a `RawField` (name, offset, size, typed value,
 * both u64 readings), so every raw struct is shown the same way.
 * `base` shifts offsets for structs embedded inside a larger blob.
 */
export class RawStructReader {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly base = 0,
    private readonly prefix = '',
    /** Every field read, nested structs' fields included (they share the list). */
    readonly fields: RawField[] = [],
  ) {}

  /** A reader for a struct embedded at `offset`, whose field paths start with `prefix.` (unchanged for ''). */
  nested(offset: number, prefix: string): RawStructReader {
    const paths = prefix === '' ? this.prefix : `${this.prefix}${prefix}.`;
    return new RawStructReader(this.bytes, this.base + offset, paths, this.fields);
  }

  /** True when the struct's bytes reach at least `offset + size`. */
  has(offset: number, size: number): boolean {
    return this.base + offset + size <= this.bytes.length;
  }

  /** A u64 field (LE), recorded with both readings. */
  u64(name: string, offset: number): bigint {
    const at = this.base + offset;
    const value = readU64(this.bytes, at, 'le');
    this.fields.push({
      path: this.prefix + name,
      offset: at,
      size: 8,
      value: { kind: 'u64', value, order: 'le', basis: 'abi' },
      readings: { le: [value], be: [readU64(this.bytes, at, 'be')] },
    });
    return value;
  }

  /** A u32 field (LE). */
  u32(name: string, offset: number): number {
    const at = this.base + offset;
    const value = readU32(this.bytes, at, 'le');
    this.fields.push({
      path: this.prefix + name,
      offset: at,
      size: 4,
      value: { kind: 'u32', value, order: 'le', basis: 'abi' },
    });
    return value;
  }

  /** A u16 field (LE). */
  u16(name: string, offset: number): number {
    const at = this.base + offset;
    const value = readU16(this.bytes, at, 'le');
    this.fields.push({
      path: this.prefix + name,
      offset: at,
      size: 2,
      value: { kind: 'u16', value, order: 'le', basis: 'abi' },
    });
    return value;
  }

  /** A NUL-padded char array of `size` bytes. */
  string(name: string, offset: number, size: number): string {
    const at = this.base + offset;
    const value = readCString(this.bytes, at, size);
    this.fields.push({ path: this.prefix + name, offset: at, size, value: { kind: 'string', value, basis: 'abi' } });
    return value;
  }
}
