import { describe, expect, it } from 'vitest';
import { PreservedRanges } from '../maps/PreservedRanges';
import type { PhysicalExtent } from '../model/FragmentLocation';
import { MAX_PAGES_EXAMINED, unpreservedPages } from './unpreservedPages';

const PAGE = 4096;

/** The page-by-page walk the check did before it jumped over gaps: what it must still answer. */
function pageByPage(extents: PhysicalExtent[], ranges: PreservedRanges, named: number) {
  const pages: number[] = [];
  let count = 0;
  for (const extent of extents) {
    let page = extent.start - (extent.start % PAGE);
    for (let steps = 0; page < extent.end && steps < MAX_PAGES_EXAMINED; steps++) {
      const index = ranges.indexOf(page);
      if (index >= 0) {
        const end = ranges.end(index);
        page = end + ((PAGE - (end % PAGE)) % PAGE);
        continue;
      }
      count++;
      if (pages.length < named) pages.push(page);
      page += PAGE;
    }
  }
  return { pages, count };
}

/** A deterministic generator (xorshift), so every run checks the same cases. */
function rng(seed: number) {
  let x = seed;
  return (below: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % below;
  };
}

function rangesOf(pairs: number[]): PreservedRanges {
  return new PreservedRanges(Float64Array.from(pairs));
}

describe('unpreservedPages', () => {
  it('answers what the page-by-page walk answers, over ranges and extents of every shape', () => {
    const next = rng(14);
    for (let round = 0; round < 300; round++) {
      // Ranges that start and end anywhere (mid-page too, some shorter than a page).
      const pairs: number[] = [];
      let at = next(4) * 1000;
      for (let r = next(12); r > 0; r--) {
        at += 1 + next(20 * PAGE);
        const end = at + 1 + next(6 * PAGE);
        pairs.push(at, end);
        at = end + 1;
      }
      const ranges = rangesOf(pairs);
      const extents: PhysicalExtent[] = [];
      for (let e = 1 + next(3); e > 0; e--) {
        const start = next(60 * PAGE);
        extents.push({ start, end: start + 1 + next(80 * PAGE) });
      }
      const named = next(10);
      expect(unpreservedPages(PAGE, extents, ranges, named)).toEqual(pageByPage(extents, ranges, named));
    }
  });

  it('examines at most MAX_PAGES_EXAMINED page starts per extent, preserved ranges counting one each', () => {
    // A huge extent: three preserved ranges early on, then nothing preserved.
    const ranges = rangesOf([PAGE, 3 * PAGE, 10 * PAGE, 11 * PAGE, 20 * PAGE + 100, 20 * PAGE + 200]);
    const extents = [
      { start: 0, end: 4 * MAX_PAGES_EXAMINED * PAGE },
      { start: 2 * PAGE, end: 2 * MAX_PAGES_EXAMINED * PAGE },
    ];
    const result = unpreservedPages(PAGE, extents, ranges, 8);
    expect(result).toEqual(pageByPage(extents, ranges, 8));
    expect(result.count).toBe(MAX_PAGES_EXAMINED - 2 + MAX_PAGES_EXAMINED - 2);
    expect(result.pages).toEqual([0, 3, 4, 5, 6, 7, 8, 9].map((p) => p * PAGE));
  });

  it('finds nothing missing when the extent is preserved, and everything when the map is empty', () => {
    const ranges = rangesOf([0, 8 * PAGE]);
    expect(unpreservedPages(PAGE, [{ start: 100, end: 8 * PAGE }], ranges, 8)).toEqual({ pages: [], count: 0 });
    expect(unpreservedPages(PAGE, [{ start: 100, end: 3 * PAGE }], rangesOf([]), 2)).toEqual({
      pages: [0, PAGE],
      count: 3,
    });
  });
});
