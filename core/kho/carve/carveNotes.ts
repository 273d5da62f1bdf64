import type { ElfNoteSpec } from '../../mem/export/elfNoteEncoding';
import { hex } from '../../bytes/readers';

/** Owner name of the note that says an image was carved. */
export const CARVE_NOTE_NAME = 'KHOSCOPE';
/** Its `n_type` (note types are per owner name). */
export const CARVE_NOTE_TYPE = 1;

/** What the carved image's notes say about it. */
export interface CarveNoteFacts {
  pageSize: number;
  /** The input's kernel release, when it stated one. */
  osRelease: string | undefined;
  /** Addresses of the roots the carve decoded. */
  roots: readonly number[];
  includeData: boolean;
}

/**
 * The carved image's notes: a VMCOREINFO that keeps only `OSRELEASE` and
 * `PAGESIZE` (the rest of the kernel's VMCOREINFO, symbol addresses and the
 * KASLR offset, is what a bug report should not carry), and a `KHOSCOPE`
 * note in VMCOREINFO's `KEY=value` form saying the image is carved, from
 * which roots, and that bytes outside the kept ones read as zero.
 */
export function carveNotes(facts: CarveNoteFacts): ElfNoteSpec[] {
  const text = (lines: string[]) => new TextEncoder().encode(lines.map((line) => `${line}\n`).join(''));
  const vmcoreinfo = [
    ...(facts.osRelease === undefined ? [] : [`OSRELEASE=${facts.osRelease}`]),
    `PAGESIZE=${facts.pageSize}`,
  ];
  const carved = [
    'CARVED_BY=khoscope carve',
    `ROOTS=${facts.roots.map(hex).join(',')}`,
    `KEPT=${facts.includeData ? 'the bytes the KHO graph decode reads, and the preserved data pages' : 'only the bytes the KHO graph decode reads'}`,
    "ELSEWHERE=zero (the RAM ranges are the original image's)",
  ];
  return [
    { name: 'VMCOREINFO', type: 0, desc: text(vmcoreinfo) },
    { name: CARVE_NOTE_NAME, type: CARVE_NOTE_TYPE, desc: text(carved) },
  ];
}
