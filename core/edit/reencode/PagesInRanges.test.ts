import { describe, expect, it } from 'vitest';
import { PagesInRanges } from './PagesInRanges';

describe('PagesInRanges', () => {
  it('has every page a range touches, and no other', () => {
    const pages = new PagesInRanges(
      [
        { start: 0x3000, end: 0x3001 },
        { start: 0x1800, end: 0x2100 },
        { start: 0x8000, end: 0x8000 },
      ],
      0x1000,
    );
    expect([0, 0x1000, 0x2000, 0x3000, 0x4000, 0x8000].map((page) => pages.has(page))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('answers for a range of 2^52 bytes at once, listing no page (issue 14: a lying extent aborted planEdit)', () => {
    const pages = new PagesInRanges([{ start: 0x100000, end: 2 ** 52 }], 4096);
    expect(pages.has(2 ** 52 - 4096)).toBe(true);
    expect(pages.has(2 ** 52)).toBe(false);
  });
});
