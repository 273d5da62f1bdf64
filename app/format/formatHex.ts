/** An offset or address as `0x` + lower-case hex (`0x1a4`); bigints print in full. */
export function formatHex(value: number | bigint): string {
  return `0x${value.toString(16)}`;
}

/**
 * Bytes as space-separated hex pairs in groups of four (one FDT cell per
 * group): `[ '00 00 00 01', '40 00 10 00' ]`. The view puts a wider gap
 * between groups so cells stand out without hiding the single bytes.
 */
export function hexByteGroups(bytes: Uint8Array): string[] {
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const pairs: string[] = [];
    for (let j = i; j < Math.min(i + 4, bytes.length); j++) pairs.push(bytes[j].toString(16).padStart(2, '0'));
    groups.push(pairs.join(' '));
  }
  return groups;
}
