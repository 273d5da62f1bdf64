import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { EditError } from '../EditError';
import { sameBytes } from '../hexBytes';
import { hex } from '../../bytes/readers';

/**
 * Collects the writes of an edit as whole pages over the original memory:
 * each touched page is read once, changed in a copy, and at the end only
 * the pages whose bytes really differ are kept, so untouched pages (and
 * pages written back with the same bytes) stay exactly as they were.
 */
export class PageWriter {
  private readonly pages = new Map<number, Uint8Array>();
  private readonly originals = new Map<number, Uint8Array>();

  constructor(
    private readonly memory: PhysicalMemory,
    readonly pageSize: number,
  ) {}

  /** Writes `bytes` at `address`. */
  async write(address: number, bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const at = address + done;
      const page = at - (at % this.pageSize);
      const inPage = at - page;
      const n = Math.min(this.pageSize - inPage, bytes.length - done);
      (await this.page(page)).set(bytes.subarray(done, done + n), inPage);
      done += n;
    }
  }

  /** Writes zeros over [start, end). */
  async zero(start: number, end: number): Promise<void> {
    if (end > start) await this.write(start, new Uint8Array(end - start));
  }

  /** The pages whose bytes differ from the original, by address, ascending. */
  changedPages(): Map<number, Uint8Array> {
    const changed = new Map<number, Uint8Array>();
    for (const page of [...this.pages.keys()].sort((a, b) => a - b)) {
      const bytes = this.pages.get(page)!;
      if (!sameBytes(bytes, this.originals.get(page)!)) changed.set(page, bytes);
    }
    return changed;
  }

  private async page(page: number): Promise<Uint8Array> {
    let bytes = this.pages.get(page);
    if (!bytes) {
      if (!this.memory.contains(page, this.pageSize))
        throw new EditError(`page ${hex(page)}`, "the edit would write outside the image's RAM ranges");
      const original = await this.memory.read(page, this.pageSize);
      this.originals.set(page, original);
      bytes = original.slice();
      this.pages.set(page, bytes);
    }
    return bytes;
  }
}
