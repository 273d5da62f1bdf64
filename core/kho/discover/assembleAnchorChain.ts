import { readU64Number } from '../../bytes/bitMath';
import { hex } from '../../bytes/readers';
import {
  ANCHOR_COUNT,
  ANCHOR_FDT_SIZE,
  ANCHOR_MAGIC,
  ANCHOR_NEXT,
  ANCHOR_PAGES,
  ANCHOR_RESERVED,
  anchorCapacity,
} from './anchorPageLayout';
import type { ValidationReader } from './ValidationReader';

/** An anchor chain that assembled into the bytes of a top-level FDT. */
export interface AssembledChain {
  ok: true;
  anchorPages: number[];
  fdtSize: number;
  /** The FDT's pages in order. */
  pages: number[];
  /** The FDT bytes (`fdtSize` of them), concatenated from `pages`. */
  bytes: Uint8Array;
  /** Things that are off but did not stop assembly (extra pages, reserved field set, ...). */
  warnings: string[];
}

/** An anchor chain that did not assemble, and why. */
export interface BrokenChain {
  ok: false;
  /** The anchor pages walked before it broke. */
  anchorPages: number[];
  reason: string;
}

/** Limits of one assembly. */
export interface ChainLimits {
  pageSize: number;
  maxAnchorPages: number;
  maxFdtBytes: number;
}

/**
 * Follows a `KHOANCH1` chain from `head` (seed-design.md): bounded in anchor
 * pages and FDT size, cycle-checked, every page address checked before use.
 * Assembles the FDT from its pages and checks that they are as many as
 * `fdt_size` needs and that the first one starts with the FDT magic. Parsing
 * the FDT is left to the caller.
 */
export async function assembleAnchorChain(
  reader: ValidationReader,
  head: number,
  limits: ChainLimits,
): Promise<AssembledChain | BrokenChain> {
  const { pageSize } = limits;
  const anchorPages: number[] = [];
  const pages: number[] = [];
  const warnings: string[] = [];
  const broken = (reason: string): BrokenChain => ({ ok: false, anchorPages, reason });
  let fdtSize = -1;
  // The head is read whatever its address: physical page 0 is a page like
  // any other. Only a next pointer of 0 ends the chain.
  for (let address: number | null = head; address !== null; ) {
    if (anchorPages.includes(address))
      return broken(
        `anchor page ${hex(anchorPages[anchorPages.length - 1])} leads back to ${hex(address)}: the chain has a cycle`,
      );
    if (anchorPages.length >= limits.maxAnchorPages) return broken(`more than ${limits.maxAnchorPages} anchor pages`);
    const where =
      anchorPages.length === 0 ? 'the chain head' : `next pointer of ${hex(anchorPages[anchorPages.length - 1])}`;
    if (address % pageSize !== 0) return broken(`${where} ${hex(address)} is not page-aligned`);
    const page = await reader.read(address, pageSize);
    if (typeof page === 'string') return broken(`${where} ${hex(address)} ${page}`);
    if (String.fromCharCode(...page.subarray(0, 8)) !== ANCHOR_MAGIC)
      return broken(`${where} ${hex(address)} does not lead to a KHOANCH1 page`);
    anchorPages.push(address);
    const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
    const size = readU64Number(view, ANCHOR_FDT_SIZE);
    if (size === null || size === 0 || size > limits.maxFdtBytes)
      return broken(
        `anchor page ${hex(address)} gives fdt_size ${size ?? 'above 2^53'}, not between 1 and ${limits.maxFdtBytes}`,
      );
    if (fdtSize < 0) fdtSize = size;
    else if (size !== fdtSize)
      warnings.push(`anchor page ${hex(address)} says fdt_size ${size}, the first one said ${fdtSize}`);
    if (view.getUint32(ANCHOR_RESERVED, true) !== 0)
      warnings.push(`anchor page ${hex(address)} has a non-zero reserved field`);
    const count = view.getUint32(ANCHOR_COUNT, true);
    if (count > anchorCapacity(pageSize))
      return broken(
        `anchor page ${hex(address)} claims ${count} page addresses; it holds at most ${anchorCapacity(pageSize)}`,
      );
    const needed = Math.ceil(fdtSize / pageSize);
    for (let i = 0; i < count; i++) {
      const fdtPage = readU64Number(view, ANCHOR_PAGES + i * 8);
      if (fdtPage === null) return broken(`anchor page ${hex(address)} entry ${i} is above 2^53`);
      pages.push(fdtPage);
      // More entries than any sane chain: stop before the list grows without bound.
      if (pages.length > needed + anchorCapacity(pageSize))
        return broken(`the chain lists far more pages than fdt_size ${fdtSize} needs (${needed})`);
    }
    const next = readU64Number(view, ANCHOR_NEXT);
    if (next === null) return broken(`anchor page ${hex(address)} has a next pointer above 2^53`);
    address = next === 0 ? null : next;
  }
  const needed = Math.ceil(fdtSize / pageSize);
  if (pages.length < needed)
    return broken(`the chain lists ${pages.length} pages; fdt_size ${fdtSize} needs ${needed}: the FDT is truncated`);
  if (pages.length > needed)
    warnings.push(`the chain lists ${pages.length} pages; fdt_size ${fdtSize} needs only ${needed}`);
  const bytes = new Uint8Array(fdtSize);
  for (let i = 0; i < needed; i++) {
    if (pages[i] % pageSize !== 0) return broken(`FDT page ${i} (${hex(pages[i])}) is not page-aligned`);
    const content = await reader.read(pages[i], Math.min(pageSize, fdtSize - i * pageSize));
    if (typeof content === 'string') return broken(`FDT page ${i} (${hex(pages[i])}) ${content}`);
    if (i === 0 && !(content[0] === 0xd0 && content[1] === 0x0d && content[2] === 0xfe && content[3] === 0xed)) {
      return broken(`the first FDT page ${hex(pages[0])} does not start with the FDT magic`);
    }
    bytes.set(content, i * pageSize);
  }
  return { ok: true, anchorPages, fdtSize, pages: pages.slice(0, needed), bytes, warnings };
}
