import type { ElfNoteSpec } from '../../mem/export/elfNoteEncoding';
import { hex } from '../../bytes/readers';
import type { KernelFacts } from '../model/KernelFacts';

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
  /** The input's kernel facts: the kernel image range (or why there is none) is kept, its symbols are not. */
  kernel: KernelFacts;
}

/** Keys of the carve note that keep the input's kernel image range (`kernelFactsOf` reads them back). */
export const CARVED_KERNEL_IMAGE = {
  range: 'KERNEL_IMAGE',
  end: 'KERNEL_IMAGE_END',
  from: 'KERNEL_IMAGE_FROM',
  missing: 'KERNEL_IMAGE_MISSING',
} as const;

/**
 * The carved image's notes: a VMCOREINFO that keeps only `OSRELEASE` and
 * `PAGESIZE` (the rest of the kernel's VMCOREINFO, symbol addresses and the
 * KASLR offset, is what a bug report should not carry), and a `KHOSCOPE`
 * note in VMCOREINFO's `KEY=value` form saying the image is carved, from
 * which roots, and that bytes outside the kept ones read as zero. The
 * kernel image's physical range, which the reserve-mem checks need, is kept
 * there as the range itself (`KERNEL_IMAGE`), not as the symbols it came from.
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
    ...kernelImageLines(facts.kernel),
  ];
  return [
    { name: 'VMCOREINFO', type: 0, desc: text(vmcoreinfo) },
    { name: CARVE_NOTE_NAME, type: CARVE_NOTE_TYPE, desc: text(carved) },
  ];
}

/** The carve note's lines that keep the kernel image range, or why the input had none. */
function kernelImageLines(kernel: KernelFacts): string[] {
  const image = kernel.kernelImage;
  if (!image) return [`${CARVED_KERNEL_IMAGE.missing}=${kernel.missing.kernelImage ?? 'not known'}`];
  return [
    `${CARVED_KERNEL_IMAGE.range}=${hex(image.start)}-${hex(image.end)}`,
    `${CARVED_KERNEL_IMAGE.end}=${image.endIsLowerBound ? 'at least' : 'exact'}`,
    `${CARVED_KERNEL_IMAGE.from}=${image.source}`,
  ];
}
