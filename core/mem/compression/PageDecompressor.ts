import { MemoryError } from '../MemoryError';
import type { Inflater } from './Inflater';
import { decompressLzo1x } from './lzo1x';
import { decompressSnappy } from './snappy';

/** kdump page-descriptor flags naming the compression of one page (makedumpfile's DUMP_DH_COMPRESSED_*). */
export const KdumpCompression = {
  zlib: 0x1,
  lzo: 0x2,
  snappy: 0x4,
  zstd: 0x20,
} as const;

const ALL_COMPRESSION = KdumpCompression.zlib | KdumpCompression.lzo | KdumpCompression.snappy | KdumpCompression.zstd;

/** Where a compressed page lives, for error messages. */
export interface PagePlace {
  /** File offset of the page's data. */
  fileOffset: number;
  /** Physical address of the page. */
  address: number;
}

/**
 * Turns the stored bytes of one kdump page into exactly one page, whatever
 * its compression (none, zlib, LZO, Snappy); zstd is named as unsupported.
 * The output is bounded by the page size for every codec, so a compression
 * bomb is refused instead of inflated.
 */
export class PageDecompressor {
  constructor(
    private readonly pageSize: number,
    private readonly inflater: Inflater | undefined,
  ) {}

  /** The page for stored `data` with descriptor `flags`. */
  async decode(data: Uint8Array, flags: number, place: PagePlace): Promise<Uint8Array> {
    const structure = `kdump page 0x${place.address.toString(16)}`;
    const compression = flags & ALL_COMPRESSION;
    if (compression === 0) {
      if (data.length !== this.pageSize) {
        throw new MemoryError(
          'file',
          place.fileOffset,
          structure,
          `uncompressed page holds ${data.length} bytes, expected ${this.pageSize}`,
        );
      }
      // A copy: `data` may be a view into the shared file-chunk cache.
      return data.slice();
    }
    if ((compression & (compression - 1)) !== 0) {
      throw new MemoryError(
        'file',
        place.fileOffset,
        structure,
        `descriptor flags 0x${flags.toString(16)} name more than one compression`,
      );
    }
    if (compression === KdumpCompression.zstd) {
      throw new MemoryError(
        'file',
        place.fileOffset,
        structure,
        'page is zstd-compressed, which khoscope does not support; convert the dump (e.g. makedumpfile -z or -l) or export it as ELF with another tool',
      );
    }
    try {
      if (compression === KdumpCompression.lzo) return decompressLzo1x(data, this.pageSize);
      if (compression === KdumpCompression.snappy) return decompressSnappy(data, this.pageSize);
      return await this.inflate(data, structure, place);
    } catch (error) {
      if (!(error instanceof MemoryError) || error.structure === structure) throw error;
      // Re-anchor codec errors (offset within the compressed data) at the page's file offset.
      throw new MemoryError('file', place.fileOffset + error.at, structure, `${error.structure}: ${error.reason}`);
    }
  }

  private async inflate(data: Uint8Array, structure: string, place: PagePlace): Promise<Uint8Array> {
    if (!this.inflater) {
      throw new MemoryError(
        'file',
        place.fileOffset,
        structure,
        'page is zlib-compressed but no inflater is available on this platform',
      );
    }
    let page: Uint8Array;
    try {
      page = await this.inflater.inflate(data, this.pageSize);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new MemoryError(
        'file',
        place.fileOffset,
        structure,
        `zlib data is corrupt or inflates past ${this.pageSize} bytes (${why})`,
      );
    }
    if (page.length !== this.pageSize) {
      throw new MemoryError(
        'file',
        place.fileOffset,
        structure,
        `zlib data inflates to ${page.length} bytes, expected ${this.pageSize}`,
      );
    }
    return page;
  }
}
