/**
 * Round addresses for axis ticks in [start, end]: multiples of a power of two
 * (so they read well in hex: 0x1f000000, not 0x1dcd6500), about `count` of
 * them (never more than twice that), never closer than one byte.
 */
export function hexTicks(start: number, end: number, count: number): number[] {
  if (!(end > start) || count < 1) return [];
  const step = Math.max(1, 2 ** Math.ceil(Math.log2((end - start) / count)));
  const ticks: number[] = [];
  for (let tick = Math.ceil(start / step) * step; tick <= end; tick += step) ticks.push(tick);
  return ticks;
}
