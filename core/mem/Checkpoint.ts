/** How long a loop may run before it lets the event loop in (ms). */
const DEFAULT_SLICE_MS = 16;

/**
 * A cancellation and fairness point for long loops over untrusted input.
 * Reads from an in-memory source resolve as microtasks, so an `await` alone
 * never lets a timer, a worker message or an `AbortSignal` fired from
 * outside run: a loop over a huge image would hold the thread until it ends.
 * `pass()` gives the event loop one macrotask every `sliceMs` and then
 * throws the signal's reason when it was aborted, so cancelling takes
 * effect within a slice.
 */
export class Checkpoint {
  private last = now();

  constructor(
    private readonly signal?: AbortSignal,
    private readonly sliceMs = DEFAULT_SLICE_MS,
  ) {}

  /** Yields to the event loop when the slice is used up; throws when cancelled. */
  async pass(): Promise<void> {
    this.signal?.throwIfAborted();
    if (now() - this.last < this.sliceMs) return;
    await nextMacrotask();
    this.last = now();
    this.signal?.throwIfAborted();
  }

  /**
   * The items of a synchronous iterable (a renderer's chunks, made on
   * demand) with a `pass()` before each is made: a render of a giant lets
   * the event loop in every slice and, once the signal is aborted, makes no
   * further chunk and rejects with its reason. The iterable's own work for
   * one item is not cut (renderers keep a chunk to about 64 KiB).
   */
  async *each<T>(items: Iterable<T>): AsyncGenerator<T> {
    await this.pass();
    for (const item of items) {
      yield item;
      await this.pass();
    }
  }
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/**
 * Resolves after the event loop has run once: `setImmediate` in Node, a
 * `MessageChannel` round trip in browsers and workers (unlike `setTimeout`,
 * not clamped to 4 ms when nested).
 */
function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => {
    const { setImmediate } = globalThis as { setImmediate?: (run: () => void) => unknown };
    if (typeof setImmediate === 'function') {
      setImmediate(() => resolve());
      return;
    }
    const channel = new MessageChannel();
    // The browser's MessagePort (core is typed against Node's, which lacks `onmessage`).
    (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
