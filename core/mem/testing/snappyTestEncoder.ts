import type { CodecToken } from './codecTokens';
import { expandTokens } from './codecTokens';

/**
 * Test-only Snappy encoder: writes a token list as a raw Snappy block
 * (length preamble, literals with 0-4 extra length bytes, 1-, 2- and 4-byte
 * offset copies; long copies split in pieces of at most 64 bytes).
 */
export function encodeSnappy(tokens: CodecToken[]): Uint8Array {
  const out: number[] = [];
  let total = expandTokens(tokens).length;
  do {
    out.push((total & 0x7f) | (total >= 0x80 ? 0x80 : 0));
    total = Math.floor(total / 128);
  } while (total > 0);
  for (const token of tokens) {
    if ('literal' in token) {
      const n = token.literal.length - 1;
      if (n < 60) out.push(n << 2);
      else {
        const bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
        out.push((59 + bytes) << 2);
        for (let i = 0; i < bytes; i++) out.push((n >>> (8 * i)) & 0xff);
      }
      out.push(...token.literal);
      continue;
    }
    let { length } = token.copy;
    const offset = token.copy.distance;
    while (length > 0) {
      if (length >= 4 && length <= 11 && offset < 2048) {
        out.push(1 | ((length - 4) << 2) | ((offset >> 8) << 5), offset & 0xff);
        length = 0;
        continue;
      }
      const piece = Math.min(length, 64);
      if (offset < 0x10000) out.push(2 | ((piece - 1) << 2), offset & 0xff, offset >> 8);
      else out.push(3 | ((piece - 1) << 2), offset & 0xff, (offset >> 8) & 0xff, (offset >> 16) & 0xff, offset >>> 24);
      length -= piece;
    }
  }
  return Uint8Array.from(out);
}
