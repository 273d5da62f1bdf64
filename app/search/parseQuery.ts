/** A search query understood: text to find in names and values, and the number it spells, if any. */
export interface SearchQuery {
  /** Lower-cased, trimmed text ('' for an empty query). */
  text: string;
  /** `0x…` hex or plain decimal as a number; null when the query is not one. */
  number: bigint | null;
}

/** Reads what the user typed: `0x1847000` and `25456640` are numbers (and text); anything else is text. */
export function parseQuery(raw: string): SearchQuery {
  const text = raw.trim().toLowerCase();
  let number: bigint | null = null;
  if (/^0x[0-9a-f]{1,16}$/.test(text) || /^[0-9]{1,20}$/.test(text)) {
    const value = BigInt(text);
    if (value < 2n ** 64n) number = value;
  }
  return { text, number };
}
