import { describe, expect, it } from 'vitest';
import { chipLabel, locationPages, packChipLines, pageChipSequence, type PageChip } from './pageChips';

const PS = 4096;

describe('page chips', () => {
  it('puts no marker between adjacent pages', () => {
    expect(pageChipSequence([0x1000, 0x2000, 0x3000], PS).map(chipLabel)).toEqual(['0x1000', '0x2000', '0x3000']);
  });

  it('marks a skipped page between two listed pages with the number of pages skipped', () => {
    const chips = pageChipSequence([0x4000_3000, 0x4000_5000], PS);
    expect(chips).toEqual([
      { kind: 'page', address: 0x4000_3000, index: 0 },
      { kind: 'gap', direction: 'forward', bytes: PS, pageSize: PS },
      { kind: 'page', address: 0x4000_5000, index: 1 },
    ]);
    expect(chips.map(chipLabel)).toEqual(['0x40003000', 'gap 1 pg', '0x40005000']);
  });

  it('marks a list that goes back (out of order or repeating a page)', () => {
    expect(pageChipSequence([0x5000, 0x2000], PS).map(chipLabel)).toEqual(['0x5000', 'back 4 pg', '0x2000']);
    expect(pageChipSequence([0x5000, 0x5000], PS).map(chipLabel)).toEqual(['0x5000', 'back 1 pg', '0x5000']);
  });

  it('names huge or unaligned gaps by size', () => {
    expect(chipLabel({ kind: 'gap', direction: 'forward', bytes: 2 ** 42, pageSize: PS })).toBe('gap 4.0 TiB');
    expect(chipLabel({ kind: 'gap', direction: 'forward', bytes: 100, pageSize: PS })).toBe('gap 100 bytes');
  });

  it('lists the pages a contiguous range touches, a page list as listed, a file as none', () => {
    expect(locationPages({ kind: 'contiguous', address: 0x8100, length: 0x1000 }, PS, 10)).toEqual({
      pages: [0x8000, 0x9000],
      total: 2,
    });
    expect(locationPages({ kind: 'contiguous', address: 0x8000, length: 0 }, PS, 10)).toEqual({
      pages: [0x8000],
      total: 1,
    });
    expect(locationPages({ kind: 'contiguous', address: 0, length: 100 * PS }, PS, 3)).toEqual({
      pages: [0, PS, 2 * PS],
      total: 100,
    });
    expect(locationPages({ kind: 'pages', pages: [0x5000, 0x3000], pageSize: PS, length: 5000 }, PS, 10)).toEqual({
      pages: [0x5000, 0x3000],
      total: 2,
    });
    expect(locationPages({ kind: 'file', path: 'fdt', length: 5 }, PS, 10)).toEqual({ pages: [], total: 0 });
  });

  describe('packing into lines', () => {
    const width = (chip: PageChip) => chipLabel(chip).length * 10;

    it('keeps everything when it fits', () => {
      const chips = pageChipSequence([0x1000, 0x3000], PS);
      expect(packChipLines(chips, 2, 1000, 2, width)).toEqual([chips]);
    });

    it('wraps onto a second line', () => {
      const chips = pageChipSequence([0x1000, 0x2000, 0x3000], PS);
      expect(packChipLines(chips, 3, 130, 2, width).map((line) => line.map(chipLabel))).toEqual([
        ['0x1000', '0x2000'],
        ['0x3000'],
      ]);
    });

    it('ends with a count of every page left out, never with a dangling gap marker', () => {
      const pages = Array.from({ length: 40 }, (_, i) => 0x10_0000 + i * 2 * PS);
      const lines = packChipLines(pageChipSequence(pages.slice(0, 20), PS), 40, 200, 2, width);
      expect(lines).toHaveLength(2);
      const shown = lines.flat().filter((chip) => chip.kind === 'page').length;
      const last = lines[1][lines[1].length - 1];
      expect(last).toEqual({ kind: 'more', pages: 40 - shown });
      expect(lines[1][lines[1].length - 2].kind).toBe('page');
      for (const line of lines) expect(line.reduce((sum, chip) => sum + width(chip), 0)).toBeLessThanOrEqual(200);
    });
  });
});
