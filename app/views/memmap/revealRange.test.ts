import { describe, expect, it } from 'vitest';
import { buildAddressScale } from './AddressScale';
import { revealRange } from './revealRange';

const scale = buildAddressScale([{ start: 0, end: 0x1000_0000 }], [], {
  width: 1000,
  holeShare: 0.04,
  outsideShare: 0.06,
  minPiecePx: 28,
  minHolePx: 18,
});

describe('revealRange', () => {
  it('leaves a visible, wide enough range alone', () => {
    expect(revealRange([{ start: 0, end: 0x800_0000 }], scale, { x: 0, k: 1 }, 1000, 1e6)).toBeNull();
  });

  it('zooms in on a range too thin to see, centred, within the zoom limit', () => {
    const page = { start: 0x800_0000, end: 0x800_1000 };
    const next = revealRange([page], scale, { x: 0, k: 1 }, 1000, 1e6)!;
    const left = scale.toX(page.start) * next.k + next.x;
    const right = scale.toX(page.end) * next.k + next.x;
    expect(right - left).toBeCloseTo(200);
    expect((left + right) / 2).toBeCloseTo(500);
    expect(revealRange([page], scale, { x: 0, k: 1 }, 1000, 50)!.k).toBe(50);
  });

  it('pans to a wide range off screen at the same zoom, without leaving the axis', () => {
    const next = revealRange([{ start: 0xf00_0000, end: 0x1000_0000 }], scale, { x: 0, k: 4 }, 1000, 1e6)!;
    expect(next.k).toBe(4);
    expect(next.x).toBe(1000 - scale.width * 4);
  });
});
