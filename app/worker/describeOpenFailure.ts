import { MemoryError } from '../../core/mem';
import { RootScanError } from '../../core/kho';
import type { LoadProblem } from '../model/LoadProblem';

/**
 * Turns whatever stopped an image from opening into words for the person who
 * opened it: what is wrong, where, and what to try. `firstBytes` is the start
 * of the (first) file in hex, shown so one can see what it is.
 */
export function describeOpenFailure(error: unknown, firstBytes: string): LoadProblem {
  if (error instanceof MemoryError) return describeMemoryError(error, firstBytes);
  if (error instanceof RootScanError) {
    return {
      headline: 'There is no KHO root at the address given.',
      reason: error.reason,
      where: `physical address 0x${error.at.toString(16)}`,
      hint: 'Check the address (it is the root FDT page, or the first KHOANCH1 anchor page), or let khoscope scan the image for roots.',
      firstBytes,
    };
  }
  if (error instanceof DOMException) {
    return {
      headline: 'The browser could not read this file.',
      reason: `${error.name}: ${error.message}`,
      where: null,
      hint: 'The file may have been moved or changed since it was chosen. Open it again.',
      firstBytes,
    };
  }
  return {
    headline: 'khoscope failed while decoding this image. This is a bug in khoscope, not a problem with your file.',
    reason: error instanceof Error ? error.message : String(error),
    where: null,
    hint: 'Please report it, with the image if you can share it. The command line (khoscope tree IMAGE) may still read it meanwhile.',
    firstBytes,
  };
}

function describeMemoryError(error: MemoryError, firstBytes: string): LoadProblem {
  const where = `${error.where === 'physical' ? 'physical address' : 'file offset'} 0x${error.at.toString(16)} in the ${error.structure}`;
  const { headline, hint } = explain(error);
  return { headline, reason: error.reason, where, hint, firstBytes };
}

/** Headline and advice by what was being read when the container reader gave up. */
function explain(error: MemoryError): { headline: string; hint: string } {
  const structure = error.structure;
  if (/compressed with/.test(error.reason)) {
    return {
      headline: 'This file is compressed.',
      hint: 'Unpack it first (the reason says with what), then open the unpacked image.',
    };
  }
  if (/zstd|not support|no inflater/.test(error.reason)) {
    return {
      headline: 'This dump uses a compression khoscope cannot read.',
      hint: 'Convert it with makedumpfile to zlib (-c), LZO (-l) or Snappy (-p), or write an ELF core (makedumpfile -E or QEMU dump-guest-memory).',
    };
  }
  if (/empty/.test(error.reason))
    return {
      headline: 'This file is empty.',
      hint: 'Copy the image again; a dump of a running machine is usually hundreds of MiB.',
    };
  if (/debugfs/.test(structure)) {
    return {
      headline: 'These files are not a complete KHO debugfs set.',
      hint: 'Drop the whole kho/out folder (fdt, sub_fdts/, scratch_phys, scratch_len), or pick the folder with “Open a folder…”. One image file opens on its own.',
    };
  }
  if (/^ELF/.test(structure)) {
    return {
      headline: 'This ELF file is damaged or is not a memory dump.',
      hint: 'Use an ELF core from QEMU dump-guest-memory, /proc/vmcore or makedumpfile -E; a kernel or module ELF has no memory to read.',
    };
  }
  if (/kdump|LZO|Snappy|zlib|page descriptor/i.test(structure)) {
    return {
      headline: 'This kdump-compressed dump is damaged.',
      hint: 'Copy it again, or have makedumpfile write an ELF core (-E) instead.',
    };
  }
  if (/flattened/.test(structure)) {
    return {
      headline: 'This makedumpfile flattened stream is damaged.',
      hint: 'Rebuild the dump with makedumpfile -R, or copy it again.',
    };
  }
  if (/device tree/.test(structure))
    return {
      headline: 'This device tree blob cannot be read.',
      hint: 'Check it with dtc -I dtb -O dts, or copy it again from its source.',
    };
  if (/open options/.test(structure))
    return {
      headline: 'The options given do not fit this image.',
      hint: 'Page sizes are powers of two from 512 bytes to 1 MiB; a raw base must be page-aligned.',
    };
  return {
    headline: `This image cannot be read: the ${structure} is damaged.`,
    hint: 'The file may be truncated or corrupted. Copy it again from its source.',
  };
}
