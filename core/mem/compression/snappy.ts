import { MemoryError } from '../MemoryError';

/**
 * Decompresses one raw Snappy block (makedumpfile `-p`, QEMU `kdump-snappy`)
 * that must expand to exactly `outputSize` bytes. The declared length (a
 * varint preamble) is checked before any work, so a block claiming a huge
 * output is refused at once; every copy is bounds-checked. Errors are
 * `MemoryError`s whose offset is the byte position in `input`.
 *
 * Element tags (facts of the Snappy format), low two bits:
 *   00 literal: length − 1 in the upper six bits, or 60..63 = 1..4 LE length bytes follow
 *   01 copy: length 4..11 from bits 2-4, 11-bit offset (bits 5-7 high, next byte low)
 *   10 copy: length 1..64 from the upper six bits, LE16 offset
 *   11 copy: length 1..64 from the upper six bits, LE32 offset
 */
export function decompressSnappy(input: Uint8Array, outputSize: number): Uint8Array {
  let ip = 0;
  const fail = (reason: string) => new MemoryError('file', ip, 'Snappy block', reason);
  const next = (): number => {
    if (ip >= input.length) throw fail('data ends in the middle of an element');
    return input[ip++];
  };
  let declared = 0;
  for (let shift = 0; ; shift += 7) {
    if (shift > 28) throw fail('length preamble is longer than 5 bytes');
    const byte = next();
    declared += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  if (declared !== outputSize) throw fail(`block declares ${declared} bytes, expected ${outputSize}`);

  const out = new Uint8Array(outputSize);
  let op = 0;
  while (ip < input.length) {
    const tag = next();
    const kind = tag & 3;
    if (kind === 0) {
      let length = tag >> 2;
      if (length >= 60) {
        const bytes = length - 59;
        length = 0;
        for (let i = 0; i < bytes; i++) length += next() * 2 ** (8 * i);
      }
      length += 1;
      if (ip + length > input.length) throw fail(`a literal of ${length} bytes goes past the end of the data`);
      if (op + length > outputSize) throw fail(`output would exceed ${outputSize} bytes`);
      out.set(input.subarray(ip, ip + length), op);
      ip += length;
      op += length;
      continue;
    }
    let length: number;
    let offset: number;
    if (kind === 1) {
      length = 4 + ((tag >> 2) & 7);
      offset = ((tag >> 5) << 8) | next();
    } else if (kind === 2) {
      length = (tag >> 2) + 1;
      offset = next() | (next() << 8);
    } else {
      length = (tag >> 2) + 1;
      offset = (next() | (next() << 8) | (next() << 16) | (next() << 24)) >>> 0;
    }
    if (offset === 0 || offset > op) throw fail(`copy offset ${offset} is outside the ${op} bytes produced so far`);
    if (op + length > outputSize) throw fail(`output would exceed ${outputSize} bytes`);
    // Byte by byte: a copy may overlap the bytes it produces.
    for (let i = 0; i < length; i++, op++) out[op] = out[op - offset];
  }
  if (op !== outputSize) throw fail(`block ends after ${op} bytes, expected ${outputSize}`);
  return out;
}
