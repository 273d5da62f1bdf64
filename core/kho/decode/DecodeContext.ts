import { Checkpoint } from '../../mem/Checkpoint';
import { MemoryError } from '../../mem/MemoryError';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { hex } from '../../bytes/readers';
import { fieldRefId } from '../fieldRefId';
import type { DiagnosticLocation } from '../model/Diagnostic';
import type { Fragment } from '../model/Fragment';
import type { Link } from '../model/Link';
import type { RootVersion } from '../model/RootVersion';
import type { BlockSet, ScratchArea, VmallocArea } from '../model/SideStructures';
import { DiagnosticLog } from './DiagnosticLog';
import type { KhoLimits, KhoProgress } from './KhoDecodeOptions';
import type { PendingTarget, TargetSpec } from './PendingTarget';

/**
 * The state of one graph decode, handed to every scheme and user decoder:
 * the memory (null for blob sets without physical memory), the limits, what
 * has been found so far, and the queue of links still to follow.
 */
export class DecodeContext {
  readonly diagnostics: DiagnosticLog;
  readonly fragments = new Map<string, Fragment>();
  readonly links: Link[] = [];
  readonly vmallocAreas: VmallocArea[] = [];
  readonly blockSets: BlockSet[] = [];
  readonly scratchAreas: ScratchArea[] = [];
  /** The fragment each fragment was first reached from (roots have none): walked for cycle checks. */
  readonly parents = new Map<string, string>();
  /** Links found but not yet followed, in discovery order. */
  readonly pending: PendingTarget[] = [];
  /** The first followed link that reached each fragment, by fragment id (for "already reached from"). */
  readonly firstLinkTo = new Map<string, Link>();
  /** Memory besides fragments that the kernel preserves (data pages, block pages): checked against the maps. */
  readonly preservedClaims: PreservedClaim[] = [];
  /** The version of every fragment that is a KHO root. */
  readonly rootVersions = new Map<string, RootVersion>();
  readonly memory: PhysicalMemory | null;
  /** Files of a debugfs blob set by path (`sub_fdts/<name>`); null for memory images. */
  readonly blobFiles: ReadonlyMap<string, Uint8Array> | null;
  readonly pageSize: number;
  readonly limits: KhoLimits;
  readonly signal: AbortSignal | undefined;
  private readonly onProgress: ((progress: KhoProgress) => void) | undefined;
  private bytesRead = 0;
  private readonly checkpoint: Checkpoint;

  constructor(setup: DecodeSetup) {
    this.memory = setup.memory;
    this.blobFiles = setup.blobFiles;
    this.pageSize = setup.pageSize;
    this.limits = setup.limits;
    this.signal = setup.signal;
    this.checkpoint = new Checkpoint(setup.signal);
    this.onProgress = setup.onProgress;
    this.diagnostics = new DiagnosticLog(setup.limits.maxDiagnostics);
  }

  /** Bytes read so far (fragments and side structures). */
  get bytesSpent(): number {
    return this.bytesRead;
  }

  /** Counts bytes read outside `read` (e.g. by a shared validator) against the budget. */
  charge(bytes: number): void {
    this.bytesRead += bytes;
  }

  /**
   * Rejects the decode with the signal's reason once it has been aborted,
   * and lets the event loop in every slice (`Checkpoint`): reads from memory
   * resolve as microtasks, so without it a signal fired from a timer or a
   * message would never be seen while the decode runs.
   */
  pass(): Promise<void> {
    return this.checkpoint.pass();
  }

  /** Reports progress to the caller's callback. */
  progress(phase: KhoProgress['phase']): void {
    this.onProgress?.({ phase, fragments: this.fragments.size, links: this.links.length, bytesRead: this.bytesRead });
  }

  /**
   * Reads physical memory for a structure, or records why it could not and
   * returns null: no memory behind this source, the byte budget spent, or
   * the range outside the image or in a hole (`dangling-pointer`).
   */
  async read(address: number, length: number, what: string, location: DiagnosticLocation): Promise<Uint8Array | null> {
    await this.pass();
    if (!this.memory) {
      this.diagnostics.info(
        'no-physical-memory',
        `${what} at ${hex(address)} cannot be followed: this source has no physical memory`,
        { ...location, address },
      );
      return null;
    }
    if (this.bytesRead + length > this.limits.maxTotalBytes) {
      this.diagnostics.warning(
        'limit-reached',
        `${what} at ${hex(address)} was not read: the decode has read its limit of ${this.limits.maxTotalBytes} bytes (maxTotalBytes)`,
        { ...location, address },
      );
      return null;
    }
    if (!this.memory.contains(address, length)) {
      this.diagnostics.error(
        'dangling-pointer',
        `${what} at ${hex(address)} (${length} bytes) ${describeMissing(this.memory, address, length)}`,
        { ...location, address },
      );
      return null;
    }
    try {
      const bytes = await this.memory.read(address, length);
      this.bytesRead += length;
      return bytes;
    } catch (error) {
      if (!(error instanceof MemoryError)) throw error;
      this.diagnostics.error('unreadable-memory', `${what} at ${hex(address)} could not be read: ${error.message}`, {
        ...location,
        address,
      });
      return null;
    }
  }

  /**
   * Records a link found in `owner` and queues its target to be read. The
   * link's id comes from the field holding it; `to` is set once followed.
   */
  follow(owner: Fragment, link: Omit<Link, 'id' | 'to'>, target: TargetSpec): Link {
    const full: Link = { id: fieldRefId(link.from), to: null, ...link };
    this.links.push(full);
    this.pending.push({ link: full, owner, target });
    return full;
  }

  /**
   * Records that [start, end) should be preserved in the map of `root`, and
   * optionally by which entries the next kernel restores it (`entries`).
   */
  claimPreserved(
    root: string,
    start: number,
    end: number,
    what: string,
    location: DiagnosticLocation,
    entries?: ClaimEntries,
  ): void {
    this.preservedClaims.push({ root, start, end, what, location, entries });
  }

  /** True when [address, address + length) lies in the image (false without memory). */
  contains(address: number, length: number): boolean {
    return this.memory?.contains(address, length) === true;
  }
}

/** What a decode reads from and how. */
export interface DecodeSetup {
  memory: PhysicalMemory | null;
  blobFiles: ReadonlyMap<string, Uint8Array> | null;
  pageSize: number;
  limits: KhoLimits;
  signal?: AbortSignal;
  onProgress?: (progress: KhoProgress) => void;
}

/**
 * The entries the next kernel needs to restore a claimed range: `folio` one
 * entry of exactly `order` at its start (`kho_restore_folio`); `pages` the
 * entries `kho_preserve_pages` writes for exactly [start, end) (a greedy
 * split into aligned blocks); `head` an entry starting at its start, of any
 * order (a folio whose order the record does not say).
 */
export type ClaimEntries = ({ kind: 'folio'; order: number } | { kind: 'pages' } | { kind: 'head' }) & {
  /** What goes wrong in the next kernel when the entries are not as needed, in plain words. */
  consequence?: string;
};

/** Memory a decoder expects the root's map to mark preserved. */
export interface PreservedClaim {
  root: string;
  start: number;
  end: number;
  what: string;
  location: DiagnosticLocation;
  /** How the kernel restores it; unset when only the bytes must survive. */
  entries?: ClaimEntries;
}

/** Why a range is not in the image: past its end, before its start, or in a hole between RAM ranges. */
export function describeMissing(memory: PhysicalMemory, address: number, length: number): string {
  const ranges = memory.ranges;
  if (ranges.length === 0) return 'is outside the image, which has no RAM ranges';
  const last = ranges[ranges.length - 1];
  if (address >= last.end) return `is outside the image (RAM ends at ${hex(last.end)})`;
  if (address + length <= ranges[0].start) return `is outside the image (RAM starts at ${hex(ranges[0].start)})`;
  const holder = ranges.find((range) => range.start <= address && address < range.end);
  if (holder) return `runs past the end of the RAM range [${hex(holder.start)}, ${hex(holder.end)})`;
  return "falls in a hole between the image's RAM ranges";
}
