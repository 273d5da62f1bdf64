/**
 * Physical memory as one view, whatever container it came from (raw image,
 * ELF core, kdump). Addresses are JS numbers below 2^53; containers report
 * anything larger instead of truncating it.
 */

/** A half-open physical range [start, end). */
export interface PhysRange {
  start: number;
  end: number;
}

export interface PhysicalMemory {
  /** Which container provided this view (`raw`, `elf`, `kdump`, ...), for messages. */
  readonly kind: string;
  /** Page size in bytes (from VMCOREINFO when the image has it, else the caller's option). */
  readonly pageSize: number;
  /** RAM ranges that exist in the image, sorted and non-overlapping. Everything else is a hole. */
  readonly ranges: readonly PhysRange[];
  /** True when every byte of [address, address + length) lies inside the ranges. */
  contains(address: number, length: number): boolean;
  /**
   * Bytes at [address, address + length). Rejects with a `MemoryError` naming
   * the address when any part of it is in a hole or outside the image.
   */
  read(address: number, length: number): Promise<Uint8Array>;
  /**
   * Optional buffer-reusing form of `read`: fills all of `target` with the
   * bytes at [address, address + target.length), zeros included (a recycled
   * buffer's old content never shows through). Rejects like `read`; `target`'s
   * content is then unspecified. Every container's memory has it (see
   * `ImageMemory`); callers that may get another `PhysicalMemory` go through
   * `readMemoryInto`.
   */
  readInto?(address: number, target: Uint8Array): Promise<void>;
  /**
   * Optional: the parts of `within` (which lies inside one RAM range) whose
   * bytes the image really stores, in address order. Everything else there
   * reads as zeros without being stored (an ELF `p_filesz`..`p_memsz` tail,
   * kdump pages left out of the dump), so a search for non-zero bytes can
   * skip it unread: a header declaring 2^48 bytes of RAM then costs nothing.
   * `signal` cancels a long search for the stored parts (a kdump bitmap).
   * Without it every byte of RAM counts as stored (`storedRunsOf`).
   */
  storedRuns?(within: PhysRange, signal?: AbortSignal): AsyncIterable<PhysRange>;
}

/**
 * Fills `target` with the bytes at [address, address + target.length): the
 * memory's own `readInto` when it has one, else `read` plus one copy.
 */
export async function readMemoryInto(memory: PhysicalMemory, address: number, target: Uint8Array): Promise<void> {
  if (memory.readInto) return memory.readInto(address, target);
  target.set(await memory.read(address, target.length));
}

/**
 * The parts of `within` (inside one RAM range) that `memory` really stores:
 * its own `storedRuns` when it has one, else all of `within`.
 */
export function storedRunsOf(
  memory: PhysicalMemory,
  within: PhysRange,
  signal?: AbortSignal,
): AsyncIterable<PhysRange> {
  if (memory.storedRuns) return memory.storedRuns(within, signal);
  return (async function* () {
    if (within.start < within.end) yield within;
  })();
}
