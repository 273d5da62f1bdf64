import { open, type FileHandle } from 'node:fs/promises';
import type { ByteSource } from '../ByteSource';
import { clampRead } from './readRange';

/**
 * A `ByteSource` over a file opened with `fs.promises` (Node only). Reads use
 * positioned reads, so a multi-GiB image is never loaded; close it when done.
 */
export class NodeFileSource implements ByteSource {
  private constructor(
    private readonly handle: FileHandle,
    readonly name: string,
    readonly size: number,
  ) {}

  /** Opens `path` read-only; `name` defaults to the path. */
  static async open(path: string, name = path): Promise<NodeFileSource> {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat();
      return new NodeFileSource(handle, name, stat.size);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Bytes [offset, offset + length), clamped to the end of the file. */
  async read(offset: number, length: number): Promise<Uint8Array> {
    const [start, end] = clampRead(this.name, this.size, offset, length);
    const out = new Uint8Array(end - start);
    const count = await this.readInto(start, out);
    return count === out.length ? out : out.subarray(0, count);
  }

  /**
   * Bytes [offset, offset + target.length), clamped to the end of the file,
   * read by the OS straight into `target`; resolves to the count.
   */
  async readInto(offset: number, target: Uint8Array): Promise<number> {
    const [start, end] = clampRead(this.name, this.size, offset, target.length);
    const length = end - start;
    let done = 0;
    // A positioned read may return fewer bytes than asked; keep going until the end.
    while (done < length) {
      const { bytesRead } = await this.handle.read(target, done, length - done, start + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done;
  }

  /** Closes the file handle. */
  async close(): Promise<void> {
    await this.handle.close();
  }
}
