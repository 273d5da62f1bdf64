import { readU32 } from '../../bytes/readers';
import { encodeAnchorPage } from '../../kho/discover/encodeAnchorPage';
import { ANCHOR_COUNT, anchorCapacity } from '../../kho/discover/anchorPageLayout';
import type { FreePageAllocator } from './FreePageAllocator';
import type { PageWriter } from './PageWriter';
import type { Placements } from './placeFragments';
import type { PlanContext } from './PlanContext';

/**
 * Rewrites the KHOANCH1 chain of every anchored root whose top-level FDT
 * was rewritten (seed-design.md): same head page (the address the next
 * kernel is given), `fdt_size` updated in every anchor page, and the page
 * list spread as the input spread it, extra pages going to the last anchor
 * page until it is full and then to new anchor pages from the allocator.
 * Anchor pages no longer needed are zeroed.
 */
export async function rewriteAnchorChains(
  ctx: PlanContext,
  placements: Placements,
  allocator: FreePageAllocator,
  writer: PageWriter,
): Promise<void> {
  const ps = ctx.pageSize;
  for (const root of ctx.state.roots) {
    const chain = ctx.inputRoot(root.fragment)?.anchorChain;
    const placement = placements.placed.get(root.fragment);
    if (!root.anchored || !chain || !placement || placement.fate === 'unchanged' || placement.location.kind !== 'pages')
      continue;
    const pages = placement.location.pages;
    const counts: number[] = [];
    for (const anchor of chain.anchorPages)
      counts.push(readU32(await ctx.memory.read(anchor + ANCHOR_COUNT, 4), 0, 'le'));
    const spread = spreadPages(counts, pages.length, anchorCapacity(ps));
    const anchors = chain.anchorPages.slice(0, spread.length);
    while (anchors.length < spread.length) anchors.push(await allocator.takePage());
    let at = 0;
    for (const [i, anchor] of anchors.entries()) {
      await writer.write(
        anchor,
        encodeAnchorPage(ps, {
          next: anchors[i + 1] ?? 0,
          fdtSize: placement.location.length,
          pages: pages.slice(at, at + spread[i]),
        }),
      );
      at += spread[i];
    }
    for (const anchor of chain.anchorPages.slice(spread.length)) await writer.zero(anchor, anchor + ps);
  }
}

/** How many pages each anchor page lists: the input's counts as far as they go, the rest appended up to capacity. */
function spreadPages(original: readonly number[], total: number, capacity: number): number[] {
  const counts: number[] = [];
  let left = total;
  for (const count of original) {
    if (left === 0) break;
    const n = Math.min(count, left, capacity);
    if (n === 0) continue;
    counts.push(n);
    left -= n;
  }
  if (counts.length === 0) counts.push(0);
  while (left > 0) {
    const room = capacity - counts[counts.length - 1];
    if (room === 0) {
      counts.push(0);
      continue;
    }
    const n = Math.min(room, left);
    counts[counts.length - 1] += n;
    left -= n;
  }
  return counts;
}
