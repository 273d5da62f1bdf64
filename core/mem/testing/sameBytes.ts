/**
 * Fast equality for large byte arrays in tests (`toEqual` on megabytes is
 * slow): returns a short description of the first difference, or 'equal'.
 */
export function compareBytes(actual: Uint8Array, expected: Uint8Array): string {
  if (actual.length !== expected.length) return `length ${actual.length} ≠ ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] !== expected[i]) return `first difference at byte 0x${i.toString(16)}: ${actual[i]} ≠ ${expected[i]}`;
  }
  return 'equal';
}
