import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAddressScale, DEFAULT_SCALE_OPTIONS } from './AddressScale';

/** RAM of the real-kernel fixture (linux-7.3 README). */
const FIXTURE_RAM = [
  { start: 0x0, end: 0xa_0000 },
  { start: 0xc_0000, end: 0x2000_0000 },
  { start: 0xfd00_0000, end: 0xfe00_0000 },
  { start: 0xfffc_0000, end: 0x1_0000_0000 },
];

describe('AddressScale', () => {
  const scale = buildAddressScale(FIXTURE_RAM, []);

  it('lays RAM and holes end to end over the whole width', () => {
    expect(scale.pieces.map((p) => p.kind)).toEqual(['ram', 'hole', 'ram', 'hole', 'ram', 'hole', 'ram']);
    expect(scale.pieces[0].x0).toBe(0);
    for (let i = 1; i < scale.pieces.length; i++) {
      expect(scale.pieces[i].x0).toBeCloseTo(scale.pieces[i - 1].x1, 9);
      expect(scale.pieces[i].start).toBe(scale.pieces[i - 1].end);
    }
    expect(scale.width).toBeCloseTo(DEFAULT_SCALE_OPTIONS.width, 6);
    expect(scale.domain).toEqual([0, 0x1_0000_0000]);
  });

  it('squeezes the big hole and keeps small RAM ranges and holes visible', () => {
    const widths = scale.pieces.map((p) => p.x1 - p.x0);
    const bigHole = scale.pieces[3];
    expect(bigHole).toMatchObject({ kind: 'hole', start: 0x2000_0000, end: 0xfd00_0000, compressed: true });
    // 3.3 GiB of hole is drawn narrower than 0.5 GiB of RAM.
    expect(widths[3]).toBeLessThan(widths[2]);
    for (const [i, piece] of scale.pieces.entries()) {
      expect(widths[i]).toBeGreaterThanOrEqual(
        (piece.kind === 'hole' ? DEFAULT_SCALE_OPTIONS.minHolePx : DEFAULT_SCALE_OPTIONS.minPiecePx) - 1e-9,
      );
    }
    // The small hole (128 KiB) is shown wider than its true size, not compressed.
    expect(scale.pieces[1].compressed).toBe(false);
  });

  it('maps addresses to x and back (within a byte), monotonically', () => {
    const addresses = fc.oneof(
      ...FIXTURE_RAM.map((r) => fc.integer({ min: r.start, max: r.end - 1 })),
      fc.integer({ min: 0, max: 0xffff_ffff }),
    );
    fc.assert(
      fc.property(addresses, addresses, (a, b) => {
        const xa = scale.toX(a);
        const xb = scale.toX(b);
        if (a < b) expect(xa).toBeLessThanOrEqual(xb);
        expect(Math.abs(scale.toAddress(xa) - a)).toBeLessThan(1);
      }),
      { numRuns: 500 },
    );
  });

  it('gives ranges outside RAM that the graph points into their own pieces', () => {
    const withTarget = buildAddressScale(FIXTURE_RAM, [
      { start: 0x3000_0000, end: 0x3000_1000 },
      { start: 0x1fff_f000, end: 0x2000_2000 },
    ]);
    const outside = withTarget.pieces.filter((p) => p.kind === 'outside');
    expect(outside.map((p) => [p.start, p.end])).toEqual([
      [0x2000_0000, 0x2000_2000],
      [0x3000_0000, 0x3000_1000],
    ]);
    for (const piece of outside)
      expect(piece.x1 - piece.x0).toBeGreaterThanOrEqual(DEFAULT_SCALE_OPTIONS.minPiecePx - 1e-9);
  });

  it('is empty without RAM or anything physical', () => {
    const empty = buildAddressScale([], []);
    expect(empty.pieces).toEqual([]);
    expect(empty.toX(5)).toBe(0);
  });
});
