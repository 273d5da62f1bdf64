/**
 * Random-access, asynchronous bytes of one file: a browser `Blob`/`File`
 * (read through `slice`) or a Node file handle. Images are GiBs, so nothing
 * ever reads a whole source; every container reads through this.
 */
export interface ByteSource {
  /** A name for messages (the file name, or a synthetic label). */
  readonly name: string;
  /** Size in bytes (a JS number: files up to 2^53 bytes). */
  readonly size: number;
  /**
   * Bytes [offset, offset + length). Reads past the end return the bytes that
   * exist (a shorter array); a negative or non-integer offset is rejected.
   */
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Optional buffer-reusing form of `read`: writes bytes [offset, offset +
   * target.length) into `target` and resolves to how many were written (fewer
   * when the source ends first; `target` past that count is left as it was).
   * Bulk readers (the root scan) recycle a few large buffers through this, so
   * a multi-GiB pass costs no fresh memory per chunk. Sources without it are
   * read through `readSourceInto` (sources/readRange), which falls back to
   * `read` plus a copy.
   */
  readInto?(offset: number, target: Uint8Array): Promise<number>;
}
