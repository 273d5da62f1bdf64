import type { ByteSource } from '../ByteSource';
import type { PhysicalMemory } from '../PhysicalMemory';

/**
 * A deterministic stand-in for "the user pressed Cancel midway": counts units
 * of work (reads through a wrapped source or memory, or `tick()` calls), aborts
 * its signal at the `abortAt`-th one and goes on counting. What was done after
 * the abort (`afterAbort`) is what a cancellable loop must keep small, however
 * loaded the machine is; a wall-clock figure belongs in a bench.
 */
export class AbortAfterWork {
  private readonly controller = new AbortController();
  /** Units of work counted so far. */
  done = 0;
  /** Units of work counted after the abort. */
  afterAbort = 0;

  constructor(
    private readonly abortAt: number,
    readonly reason: Error = new Error('cancelled by the test'),
  ) {}

  /** The signal to hand to the work under test. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Counts one unit of work; aborts when it is the `abortAt`-th. */
  tick(): void {
    this.done++;
    if (this.controller.signal.aborted) this.afterAbort++;
    else if (this.done >= this.abortAt) this.controller.abort(this.reason);
  }

  /** `inner`, with every read counted as one unit of work. */
  source(inner: ByteSource): ByteSource {
    return {
      name: inner.name,
      size: inner.size,
      read: async (offset, length) => {
        const bytes = await inner.read(offset, length);
        this.tick();
        return bytes;
      },
    };
  }

  /** `inner`, with every read counted as one unit of work. */
  memory(inner: PhysicalMemory): PhysicalMemory {
    return {
      kind: inner.kind,
      pageSize: inner.pageSize,
      ranges: inner.ranges,
      contains: (address, length) => inner.contains(address, length),
      read: async (address, length) => {
        const bytes = await inner.read(address, length);
        this.tick();
        return bytes;
      },
      storedRuns: inner.storedRuns?.bind(inner),
    };
  }
}
