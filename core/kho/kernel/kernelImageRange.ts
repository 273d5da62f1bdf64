import { ADDRESS_LIMIT } from '../../bytes/address';
import type { KernelImageRange } from '../model/KernelFacts';

/** x86_64 `__START_KERNEL_map` (arch/x86/include/asm/page_64_types.h): kernel image virtual = physical - phys_base + this. */
const X86_64_START_KERNEL_MAP = 0xffff_ffff_8000_0000n;
/** How far past `_stext` a symbol may lie and still be in the image, when VMCOREINFO has no KERNEL_IMAGE_SIZE. */
const DEFAULT_IMAGE_SPAN = 1n << 30n;
const PAGE = 4096n;

/** A kernel-image range, or why there is none. */
export type KernelImageAnswer = { range: KernelImageRange } | { range: null; why: string };

/**
 * The physical range of the kernel image, from VMCOREINFO: `SYMBOL(_stext)`
 * is its start (the running address: KASLR included), translated by the
 * architecture's kernel mapping, which VMCOREINFO also states: x86_64
 * `NUMBER(phys_base)` (physical = virtual - `__START_KERNEL_map` +
 * phys_base) or arm64 `NUMBER(kimage_voffset)` (physical = virtual -
 * kimage_voffset). VMCOREINFO names no `_end`, so the end is the page after
 * the highest `SYMBOL(...)` that lies in the image (above `_stext`, within
 * `NUMBER(KERNEL_IMAGE_SIZE)` or 1 GiB): a lower bound (bss symbols such as
 * `mem_map` come close to the real end).
 */
export function kernelImageRange(vmcoreinfo: ReadonlyMap<string, string> | undefined): KernelImageAnswer {
  if (!vmcoreinfo) return { range: null, why: 'the image has no VMCOREINFO' };
  const stext = symbol(vmcoreinfo.get('SYMBOL(_stext)'));
  if (stext === null) return { range: null, why: 'VMCOREINFO has no SYMBOL(_stext)' };
  const mapping = kernelMapping(vmcoreinfo);
  if (!mapping)
    return {
      range: null,
      why: 'VMCOREINFO states neither NUMBER(phys_base) (x86_64) nor NUMBER(kimage_voffset) (arm64), so its kernel addresses cannot be made physical',
    };
  const span = number(vmcoreinfo.get('NUMBER(KERNEL_IMAGE_SIZE)')) ?? DEFAULT_IMAGE_SPAN;
  let highest = stext;
  for (const [key, value] of vmcoreinfo) {
    if (!key.startsWith('SYMBOL(')) continue;
    const address = symbol(value);
    if (address !== null && address > highest && address - stext < span) highest = address;
  }
  // A VMCOREINFO that does name `_end` (none known does) gives the exact end.
  const exactEnd = symbol(vmcoreinfo.get('SYMBOL(_end)'));
  const start = stext - mapping.offset;
  const end = exactEnd !== null ? exactEnd - mapping.offset : ((highest - mapping.offset) / PAGE + 1n) * PAGE;
  if (start < 0n || end <= start || end >= ADDRESS_LIMIT)
    return { range: null, why: `the kernel image's physical address (${mapping.source}) is out of range` };
  return {
    range: {
      start: Number(start),
      end: Number(end),
      endIsLowerBound: exactEnd === null,
      source: `VMCOREINFO SYMBOL(_stext), ${exactEnd === null ? 'its highest kernel symbol' : 'SYMBOL(_end)'}, ${mapping.source}`,
    },
  };
}

/** virtual - offset = physical, for the kernel image mapping VMCOREINFO describes. */
function kernelMapping(vmcoreinfo: ReadonlyMap<string, string>): { offset: bigint; source: string } | null {
  const physBase = number(vmcoreinfo.get('NUMBER(phys_base)'));
  if (physBase !== null) return { offset: X86_64_START_KERNEL_MAP - physBase, source: 'NUMBER(phys_base)' };
  const voffset = number(vmcoreinfo.get('NUMBER(kimage_voffset)'));
  if (voffset !== null) return { offset: voffset, source: 'NUMBER(kimage_voffset)' };
  return null;
}

/** A `SYMBOL(...)` value: hex without 0x (`%lx`). */
function symbol(text: string | undefined): bigint | null {
  return text !== undefined && /^[0-9a-fA-F]{1,16}$/.test(text) ? BigInt(`0x${text}`) : null;
}

/** A `NUMBER(...)` value: decimal (`%ld`, may be negative) or 0x-hex (`0x%llx`, arm64's kimage_voffset). */
function number(text: string | undefined): bigint | null {
  if (text === undefined) return null;
  if (/^0x[0-9a-fA-F]{1,16}$/.test(text)) return BigInt(text);
  return /^-?\d{1,20}$/.test(text) ? BigInt(text) : null;
}
