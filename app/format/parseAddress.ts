/** An address typed by a person: `0x…` hex or decimal, below 2^53; null for anything else. */
export function parseAddress(text: string): number | null {
  const trimmed = text.trim().replace(/_/g, '');
  const value = /^0x[0-9a-f]+$/i.test(trimmed)
    ? Number.parseInt(trimmed.slice(2), 16)
    : /^[0-9]+$/.test(trimmed)
      ? Number(trimmed)
      : Number.NaN;
  return Number.isSafeInteger(value) ? value : null;
}
