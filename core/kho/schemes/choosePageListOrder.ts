import { FDT_MAGIC } from '../../fdt/constants';
import { MemoryError } from '../../mem/MemoryError';
import { hex, readU32, readU64List } from '../../bytes/readers';
import { toAddress } from '../../bytes/address';
import type { DecodeContext } from '../decode/DecodeContext';
import type { ByteOrder } from '../../bytes/ByteOrder';
import type { DiagnosticLocation } from '../model/Diagnostic';

/** The byte order chosen for a draft page list, and the reason in words. */
export interface PageListOrder {
  order: ByteOrder;
  reason: string;
}

/**
 * Applies seed-design.md's byte-order rule to a `kho,recursive-fdt` value:
 * use the reading under which every address is page-aligned, inside the
 * image, and the first page starts with the FDT magic. When both or neither
 * reading qualifies, say so (`ambiguous-byte-order`) and use big-endian.
 */
export async function choosePageListOrder(
  ctx: DecodeContext,
  raw: Uint8Array,
  location: DiagnosticLocation,
): Promise<PageListOrder> {
  if (!ctx.memory)
    return {
      order: 'be',
      reason: "big-endian (the seed's cell convention): no physical memory to test the readings against",
    };
  const be = await checkReading(ctx, readU64List(raw, 'be'));
  const le = await checkReading(ctx, readU64List(raw, 'le'));
  if (be === null && le !== null)
    return {
      order: 'be',
      reason: `big-endian: every address is a page inside the image and the first starts with the FDT magic; little-endian would not (${le})`,
    };
  if (le === null && be !== null)
    return {
      order: 'le',
      reason: `little-endian: every address is a page inside the image and the first starts with the FDT magic; big-endian would not (${be})`,
    };
  if (be === null) {
    ctx.diagnostics.warning(
      'ambiguous-byte-order',
      'both byte orders give page-aligned addresses inside the image with the FDT magic on the first page; big-endian is used',
      location,
    );
    return { order: 'be', reason: 'big-endian by default: both readings qualify' };
  }
  ctx.diagnostics.warning(
    'ambiguous-byte-order',
    `neither byte order gives a usable page list (big-endian: ${be}; little-endian: ${le}); big-endian is used`,
    location,
  );
  return { order: 'be', reason: 'big-endian by default: neither reading qualifies' };
}

/** Null when the addresses qualify, else why not. */
async function checkReading(ctx: DecodeContext, values: bigint[]): Promise<string | null> {
  const pages: number[] = [];
  for (const value of values) {
    const page = toAddress(value);
    if (page === null) return `${hex(value)} is past 2^53`;
    if (page % ctx.pageSize !== 0) return `${hex(page)} is not page-aligned`;
    if (!ctx.contains(page, ctx.pageSize)) return `${hex(page)} is not inside the image`;
    pages.push(page);
  }
  let head: Uint8Array;
  try {
    head = await ctx.memory!.read(pages[0], 4);
  } catch (error) {
    if (error instanceof MemoryError) return `${hex(pages[0])} cannot be read (${error.reason})`;
    throw error;
  }
  return readU32(head, 0, 'be') === FDT_MAGIC ? null : `${hex(pages[0])} does not start with the FDT magic`;
}
