import type { CodecToken } from './codecTokens';

/**
 * Test-only LZO1X encoder: writes a token list as a valid LZO1X stream,
 * choosing the instruction each token needs (first-byte literal run, literal
 * runs with extended lengths, M1/M2/M3/M4 matches, 1-3 trailing literals in
 * match bits, end marker). Not a compressor: the tokens decide the matches.
 * Rules: the first token is a literal; copies need length ≥ 3 (or 2 for the
 * short M1 form right after 1-3 literals) and distance ≤ 49151.
 */
export function encodeLzo1x(tokens: CodecToken[]): Uint8Array {
  const out: number[] = [];
  let state = 0;
  const extended = (remaining: number) => {
    // remaining = length - base, ≥ 1: zeros of 255 each, then the rest (non-zero).
    const zeros = Math.floor((remaining - 1) / 255);
    for (let i = 0; i < zeros; i++) out.push(0);
    out.push(remaining - zeros * 255);
  };
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if ('literal' in token) {
      const n = token.literal.length;
      const first = out.length === 0;
      if (first && n <= 238) {
        out.push(17 + n);
      } else {
        if (state !== 0 || n < 4) throw new Error(`literal run of ${n} cannot follow state ${state}`);
        if (n - 3 <= 15) out.push(n - 3);
        else {
          out.push(0);
          extended(n - 3 - 15);
        }
      }
      out.push(...token.literal);
      // Only the first-byte form can carry 1-3 literals; it then behaves like a match's trailing literals.
      state = first && n < 4 ? n : 4;
      continue;
    }
    const { distance, length } = token.copy;
    const next = tokens[k + 1];
    const trailing = next && 'literal' in next && next.literal.length <= 3 ? next.literal.length : 0;
    if (state >= 1 && state <= 3 && length === 2 && distance <= 1024) {
      out.push((((distance - 1) & 3) << 2) | trailing, (distance - 1) >> 2);
    } else if (state === 4 && length === 3 && distance >= 2049 && distance <= 3072) {
      out.push((((distance - 2049) & 3) << 2) | trailing, (distance - 2049) >> 2);
    } else if (length >= 3 && length <= 8 && distance <= 2048) {
      out.push(((length - 1) << 5) | (((distance - 1) & 7) << 2) | trailing, (distance - 1) >> 3);
    } else if (length >= 3 && distance <= 16384) {
      if (length - 2 <= 31) out.push(32 | (length - 2));
      else {
        out.push(32);
        extended(length - 2 - 31);
      }
      const d = ((distance - 1) << 2) | trailing;
      out.push(d & 0xff, d >> 8);
    } else if (length >= 3 && distance <= 49151) {
      const far = distance - 16384;
      const high = (far >> 14) << 3;
      if (length - 2 <= 7) out.push(16 | high | (length - 2));
      else {
        out.push(16 | high);
        extended(length - 2 - 7);
      }
      const d = ((far & 0x3fff) << 2) | trailing;
      out.push(d & 0xff, d >> 8);
    } else {
      throw new Error(`copy of ${length} bytes at distance ${distance} has no LZO1X form here`);
    }
    if (trailing > 0) {
      out.push(...(next as { literal: Uint8Array }).literal);
      k++;
    }
    state = trailing;
  }
  out.push(0x11, 0, 0);
  return Uint8Array.from(out);
}
