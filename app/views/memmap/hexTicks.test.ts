import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexTicks } from './hexTicks';

describe('hexTicks', () => {
  it('picks power-of-two multiples that read round in hex', () => {
    expect(hexTicks(0, 0x2000_0000, 4)).toEqual([0, 0x800_0000, 0x1000_0000, 0x1800_0000, 0x2000_0000]);
    expect(hexTicks(0x1f00_0100, 0x1f00_0400, 3).map((t) => t.toString(16))).toEqual([
      '1f000100',
      '1f000200',
      '1f000300',
      '1f000400',
    ]);
  });

  it('stays inside the range, evenly spaced, about as many as asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 20 }),
        (start, length, count) => {
          const ticks = hexTicks(start, start + length, count);
          expect(ticks.length).toBeLessThanOrEqual(2 * count + 1);
          for (const tick of ticks) expect(tick >= start && tick <= start + length).toBe(true);
          for (let i = 2; i < ticks.length; i++) expect(ticks[i] - ticks[i - 1]).toBe(ticks[1] - ticks[0]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never steps below a byte', () => {
    expect(hexTicks(10, 12, 100)).toEqual([10, 11, 12]);
  });
});
