import type { ByteSource } from '../ByteSource';
import type { PhysicalMemory } from '../PhysicalMemory';

/**
 * One piece of an exported file: unchanged bytes of an original file (a lazy
 * slice: `Blob.slice` in the browser, positioned reads in Node), new bytes,
 * a run of zeros, or bytes decoded from physical memory on demand (a kdump
 * exported as ELF). Nothing large is held in memory.
 */
export type ExportPart =
  | { kind: 'source'; source: ByteSource; offset: number; length: number }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'zeros'; length: number }
  | { kind: 'memory'; memory: PhysicalMemory; address: number; length: number };

/** One output file: its path (relative) and its parts in order. */
export interface ExportFile {
  path: string;
  size: number;
  parts: ExportPart[];
}

/** Everything an export writes: one file for memory images and DTBs, several for a debugfs set. */
export interface ExportPlan {
  /** The container written. */
  container: 'elf' | 'raw' | 'debugfs' | 'dtb';
  files: ExportFile[];
}

/** What changed: whole pages of physical memory, or whole blobs of a debugfs set / DTB. */
export interface ExportChanges {
  /** New contents by page address (page-aligned, exactly one page each). */
  pages?: ReadonlyMap<number, Uint8Array>;
  /** New contents by debugfs path (`fdt`, `sub_fdts/<name>`, `scratch_phys`, `scratch_len`); a DTB uses `fdt`. */
  blobs?: ReadonlyMap<string, Uint8Array>;
}

/** Length in bytes of one part. */
export function partLength(part: ExportPart): number {
  return part.kind === 'bytes' ? part.bytes.length : part.length;
}

/**
 * Collects parts in order, dropping empty ones and merging neighbours that
 * continue each other (adjacent slices of one source, runs of zeros), so a
 * plan stays as short as the changes allow.
 */
export class PartList {
  readonly parts: ExportPart[] = [];
  size = 0;

  /** Appends `part`, merging it into the previous one when they are contiguous. */
  push(part: ExportPart): void {
    const length = partLength(part);
    if (length === 0) return;
    this.size += length;
    const last = this.parts[this.parts.length - 1];
    if (
      last?.kind === 'source' &&
      part.kind === 'source' &&
      last.source === part.source &&
      last.offset + last.length === part.offset
    ) {
      last.length += part.length;
      return;
    }
    if (last?.kind === 'zeros' && part.kind === 'zeros') {
      last.length += part.length;
      return;
    }
    if (
      last?.kind === 'memory' &&
      part.kind === 'memory' &&
      last.memory === part.memory &&
      last.address + last.length === part.address
    ) {
      last.length += part.length;
      return;
    }
    this.parts.push({ ...part });
  }

  /** Appends every part of `parts`. */
  pushAll(parts: readonly ExportPart[]): void {
    for (const part of parts) this.push(part);
  }
}
