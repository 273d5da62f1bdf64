import type { ByteSource } from '../ByteSource';
import { MemoryError } from '../MemoryError';
import { resolveOverlaps } from '../resolveOverlaps';
import { clampRead, readFully, readFullyInto } from '../sources/readRange';
import { awaitEveryRead } from './awaitEveryRead';
import { ADDRESS_LIMIT } from '../../bytes/address';

/** The signature at the start of a makedumpfile flattened stream (16-byte field, NUL-padded). */
export const FLATTENED_SIGNATURE = 'makedumpfile';
/** The stream header occupies the first 4096 bytes; records follow. */
const FLAT_HEADER_SIZE = 4096;
const RECORD_HEADER = 16;
const TYPE_FLAT_HEADER = 1;

/** Bounds for indexing a flattened stream. */
export interface FlattenedOptions {
  maxRecords: number;
  /** Bytes per sequential read while walking the record headers. */
  readBytes: number;
}

/**
 * The file a makedumpfile *flattened* stream describes. The stream (written
 * by `makedumpfile -F` and QEMU's kdump formats when the output is not
 * seekable) is a 4096-byte header — "makedumpfile", type 1, version, all
 * big-endian — then records {i64 offset, i64 size} (big-endian) each followed
 * by `size` bytes meant for `offset` of the real file, ending with an
 * {−1, −1} marker.
 *
 * `index` walks the record headers once, reading large sequential chunks
 * (the headers sit between the data, so the whole stream is read once when
 * records are small). Reads are then served from the record map; where
 * records overlap, the later one wins (as a seekable write would), and bytes
 * no record wrote read as zero (a sparse file).
 */
export class FlattenedSource implements ByteSource {
  readonly name: string;

  private constructor(
    private readonly stream: ByteSource,
    readonly size: number,
    /** Sorted disjoint virtual pieces: start, end and the stream offset of the start. */
    private readonly starts: Float64Array,
    private readonly ends: Float64Array,
    private readonly streamAt: Float64Array,
  ) {
    this.name = `${stream.name} (unflattened)`;
  }

  /** Indexes the stream and returns the virtual file; `MemoryError` for a malformed stream. */
  static async index(stream: ByteSource, options: FlattenedOptions): Promise<FlattenedSource> {
    const header = await readFully(stream, 0, Math.min(stream.size, FLAT_HEADER_SIZE), 'makedumpfile flattened header');
    if (header.length < FLAT_HEADER_SIZE)
      throw new MemoryError(
        'file',
        0,
        'makedumpfile flattened header',
        `stream is shorter than its ${FLAT_HEADER_SIZE}-byte header`,
      );
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    const type = view.getBigInt64(16, false);
    if (type !== BigInt(TYPE_FLAT_HEADER))
      throw new MemoryError(
        'file',
        16,
        'makedumpfile flattened header',
        `type ${type} is not the flattened format (1)`,
      );

    const offsets: number[] = [];
    const sizes: number[] = [];
    const dataAt: number[] = [];
    let pos = FLAT_HEADER_SIZE;
    let chunk: Uint8Array = new Uint8Array(0);
    let chunkAt = pos;
    let lastSize = 0;
    for (;;) {
      if (pos + RECORD_HEADER > chunkAt + chunk.length) {
        // Large records leave few headers per chunk: read just a little past the next header then.
        const length = lastSize >= options.readBytes / 2 ? 4096 : options.readBytes;
        chunk = await stream.read(pos, length);
        chunkAt = pos;
        if (chunk.length < RECORD_HEADER) {
          throw new MemoryError(
            'file',
            pos,
            'makedumpfile flattened record',
            'stream ends without the end marker (truncated)',
          );
        }
      }
      const rec = new DataView(chunk.buffer, chunk.byteOffset + (pos - chunkAt), RECORD_HEADER);
      const offset = rec.getBigInt64(0, false);
      const size = rec.getBigInt64(8, false);
      if (offset === -1n && size === -1n) break;
      const structure = `makedumpfile flattened record ${offsets.length}`;
      if (offset < 0n || size < 0n || offset + size > ADDRESS_LIMIT) {
        throw new MemoryError(
          'file',
          pos,
          structure,
          `offset ${offset} / size ${size} are negative or reach past 2^53`,
        );
      }
      if (offsets.length >= options.maxRecords) {
        throw new MemoryError('file', pos, structure, `more than ${options.maxRecords} records`);
      }
      const end = pos + RECORD_HEADER + Number(size);
      if (end > stream.size) {
        throw new MemoryError(
          'file',
          pos,
          structure,
          `record of ${size} bytes runs past the end of the stream (truncated)`,
        );
      }
      offsets.push(Number(offset));
      sizes.push(Number(size));
      dataAt.push(pos + RECORD_HEADER);
      lastSize = Number(size);
      pos = end;
    }

    const ends = offsets.map((o, i) => o + sizes[i]);
    const { pieces } = resolveOverlaps(offsets, ends, (i) => -i);
    const starts = new Float64Array(pieces.length);
    const pieceEnds = new Float64Array(pieces.length);
    const streamAt = new Float64Array(pieces.length);
    let size = 0;
    pieces.forEach((p, k) => {
      starts[k] = p.start;
      pieceEnds[k] = p.end;
      streamAt[k] = dataAt[p.owner] + (p.start - offsets[p.owner]);
      size = Math.max(size, p.end);
    });
    return new FlattenedSource(stream, size, starts, pieceEnds, streamAt);
  }

  /** Bytes [offset, offset + length) of the virtual file; unwritten bytes are zero. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const [start, end] = clampRead(this.name, this.size, offset, length);
    const out = new Uint8Array(end - start);
    await this.readInto(start, out);
    return out;
  }

  /**
   * Bytes [offset, offset + target.length) of the virtual file, clamped to
   * its end, written into `target` (record data read straight into it, bytes
   * no record wrote set to zero); resolves to the count.
   */
  async readInto(offset: number, target: Uint8Array): Promise<number> {
    const [start, end] = clampRead(this.name, this.size, offset, target.length);
    const reads: Promise<void>[] = [];
    let zeroFrom = start;
    for (let k = this.pieceAt(start); k < this.starts.length && this.starts[k] < end; k++) {
      const from = Math.max(start, this.starts[k]);
      const to = Math.min(end, this.ends[k]);
      // The target may be a recycled buffer: gaps between records must be cleared, not assumed zero.
      target.fill(0, zeroFrom - start, from - start);
      zeroFrom = to;
      const at = this.streamAt[k] + (from - this.starts[k]);
      reads.push(
        readFullyInto(this.stream, at, target.subarray(from - start, to - start), 'makedumpfile flattened record data'),
      );
    }
    target.fill(0, zeroFrom - start, end - start);
    await awaitEveryRead(reads);
    return end - start;
  }

  /** First piece ending after `offset`. */
  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
