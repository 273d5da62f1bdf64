/**
 * What the image says about the kernel that wrote it, beyond the KHO tree:
 * where that kernel's own image lies in physical memory, and the command
 * line it booted with. Each is null when the image does not carry it, and
 * then `missing` says why, in words a report can show.
 */
export interface KernelFacts {
  kernelImage: KernelImageRange | null;
  commandLine: ImageCommandLine | null;
  /** Why a fact is null (`kernelImage`, `commandLine`), one sentence each. */
  missing: { kernelImage?: string; commandLine?: string };
}

/** The physical range of the kernel image (text, data, bss) as far as the image tells it. */
export interface KernelImageRange {
  start: number;
  /** Exclusive end; a lower bound when `endIsLowerBound`. */
  end: number;
  /**
   * True when the image names no symbol at the image's end (VMCOREINFO has no
   * `_end`): `end` is then the page after the highest kernel-image symbol it
   * names, and the image reaches at least that far.
   */
  endIsLowerBound: boolean;
  /** Where it came from, e.g. `VMCOREINFO SYMBOL(_stext), NUMBER(phys_base)`. */
  source: string;
}

/** A kernel command line carried by the image, and where it was found. */
export interface ImageCommandLine {
  text: string;
  /** e.g. `debugfs cmdline`. */
  source: string;
}

/** Facts for an image that carries none (a lone DTB, bare physical memory). */
export function noKernelFacts(why: string): KernelFacts {
  return { kernelImage: null, commandLine: null, missing: { kernelImage: why, commandLine: why } };
}
