import { MemoryError } from '../MemoryError';
import { ADDRESS_LIMIT } from '../../bytes/address';

/**
 * Endian-aware field reads over the bytes of one on-disk structure. Every
 * failure (field past the end, u64 too large for a JS number) is a
 * `MemoryError` at the field's file offset, naming the structure.
 */
export class ByteView {
  private readonly view: DataView;

  /**
   * `fileOffset` is where `bytes` start in the image file, so errors can name
   * the absolute offset of the bad field.
   */
  constructor(
    readonly bytes: Uint8Array,
    readonly littleEndian: boolean,
    readonly fileOffset: number,
    readonly structure: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** A `MemoryError` at `at` bytes into this structure. */
  error(at: number, reason: string): MemoryError {
    return new MemoryError('file', this.fileOffset + at, this.structure, reason);
  }

  /** Field reads at `at` bytes into the structure, in its byte order; a field past the end is a `MemoryError`. */
  u16(at: number): number {
    this.need(at, 2);
    return this.view.getUint16(at, this.littleEndian);
  }

  u32(at: number): number {
    this.need(at, 4);
    return this.view.getUint32(at, this.littleEndian);
  }

  i32(at: number): number {
    this.need(at, 4);
    return this.view.getInt32(at, this.littleEndian);
  }

  u64(at: number): bigint {
    this.need(at, 8);
    return this.view.getBigUint64(at, this.littleEndian);
  }

  /** An unsigned word of 4 or 8 bytes (ELF32/ELF64, 32/64-bit kdump) as a bigint. */
  word(at: number, size: 4 | 8): bigint {
    return size === 8 ? this.u64(at) : BigInt(this.u32(at));
  }

  /**
   * An unsigned word that must fit a JS number (an address, offset or size):
   * larger values are reported with `what`, never truncated.
   */
  safeWord(at: number, size: 4 | 8, what: string): number {
    return this.safe(this.word(at, size), at, what);
  }

  /** `value` as a number, or a `MemoryError` at field `at` when it is 2^53 or more. */
  safe(value: bigint, at: number, what: string): number {
    if (value >= ADDRESS_LIMIT || value < 0n)
      throw this.error(at, `${what} 0x${value.toString(16)} does not fit below 2^53`);
    return Number(value);
  }

  /** A NUL-terminated ASCII/UTF-8 string in a fixed-size field. */
  cString(at: number, size: number): string {
    this.need(at, size);
    const field = this.bytes.subarray(at, at + size);
    const nul = field.indexOf(0);
    return new TextDecoder().decode(nul < 0 ? field : field.subarray(0, nul));
  }

  private need(at: number, size: number): void {
    if (at < 0 || at + size > this.bytes.length) {
      throw this.error(
        at,
        `field of ${size} bytes at +${at} lies past the end of the ${this.bytes.length}-byte structure`,
      );
    }
  }
}
