/** One step of an LZ77-style stream, for the test encoders. */
export type CodecToken = { literal: Uint8Array } | { copy: { distance: number; length: number } };

/**
 * Greedy tokenizer for tests: a copy wherever the next 4 bytes occurred
 * within `maxDistance` before (longest match from the last occurrence), else
 * a literal byte. Consecutive literals are merged. Not a real compressor:
 * just a way to get streams full of back-references from real data.
 */
export function greedyTokens(data: Uint8Array, maxDistance: number, maxLength = 264): CodecToken[] {
  const tokens: CodecToken[] = [];
  const last = new Map<number, number>();
  let literalStart = 0;
  let i = 0;
  const key = (at: number) => data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24);
  while (i < data.length) {
    if (i + 4 <= data.length) {
      const k = key(i);
      const prev = last.get(k);
      last.set(k, i);
      if (prev !== undefined && i - prev <= maxDistance) {
        let length = 0;
        while (i + length < data.length && length < maxLength && data[prev + length] === data[i + length]) length++;
        if (length >= 4) {
          if (literalStart < i) tokens.push({ literal: data.subarray(literalStart, i) });
          tokens.push({ copy: { distance: i - prev, length } });
          i += length;
          literalStart = i;
          continue;
        }
      }
    }
    i++;
  }
  if (literalStart < data.length) tokens.push({ literal: data.subarray(literalStart) });
  return tokens;
}

/** The bytes a token list stands for (the reference result for a decoder). */
export function expandTokens(tokens: CodecToken[]): Uint8Array {
  const out: number[] = [];
  for (const token of tokens) {
    if ('literal' in token) out.push(...token.literal);
    else for (let i = 0; i < token.copy.length; i++) out.push(out[out.length - token.copy.distance]);
  }
  return Uint8Array.from(out);
}
