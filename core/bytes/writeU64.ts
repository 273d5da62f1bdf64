/** Writes a non-negative safe integer as a little-endian u64 (the native order of every KHO kernel). */
export function writeU64(view: DataView, offset: number, value: number): void {
  view.setUint32(offset, value >>> 0, true);
  view.setUint32(offset + 4, Math.floor(value / 2 ** 32), true);
}
