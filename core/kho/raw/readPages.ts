import type { DecodeContext } from '../decode/DecodeContext';
import type { DiagnosticLocation } from '../model/Diagnostic';

/**
 * Reads `length` bytes spread over `pages` (each a whole page, in list order)
 * and concatenates them; the page list is the only thing that says where the
 * bytes are. `length` must not exceed `pages.length` pages. Returns null when a
 * page cannot be read (the context reports why).
 */
export async function readPages(
  ctx: DecodeContext,
  pages: readonly number[],
  length: number,
  what: string,
  location: DiagnosticLocation,
): Promise<Uint8Array | null> {
  const out = new Uint8Array(length);
  let filled = 0;
  for (let i = 0; filled < length && i < pages.length; i++) {
    const n = Math.min(ctx.pageSize, length - filled);
    const bytes = await ctx.read(pages[i], n, `${what}, page ${i}`, location);
    if (!bytes) return null;
    out.set(bytes, filled);
    filled += n;
  }
  return filled === length ? out : null;
}
