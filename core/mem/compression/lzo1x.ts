import { MemoryError } from '../MemoryError';

/**
 * Decompresses one LZO1X stream (as written by liblzo2's `lzo1x_1` /
 * `lzo1x_999` compressors, used by makedumpfile `-l` and QEMU `kdump-lzo`)
 * into exactly `outputSize` bytes. Every literal and back-reference is
 * bounds-checked against the input and the fixed output size, so hostile data
 * can neither read outside the buffers nor produce more than `outputSize`
 * bytes. Errors are `MemoryError`s whose offset is the byte position in
 * `input`.
 *
 * Instruction set (facts of the LZO1X format): the state is the number of
 * literals the previous instruction copied (0..3), or 4 after a literal run.
 *   0..15, state 0   literal run of 3 + L bytes (L = 0: 15 + 255·zeros + byte)
 *   0..15, state 1-3 2-byte match, distance 1 + D + 4·H
 *   0..15, state 4   3-byte match, distance 2049 + D + 4·H
 *   16..31           match of 2 + L bytes, distance 16384 + (H << 14) + D;
 *                    distance 16384 exactly ends the stream
 *   32..63           match of 2 + L bytes, distance 1 + D (D from an LE16 >> 2)
 *   64..255          match of (op >> 5) + 1 bytes, distance 1 + ((op >> 2) & 7) + 8·H
 * After a match, the low two bits of its first or distance byte give 0..3
 * literals to copy next. A first byte above 17 is a literal run of byte − 17.
 */
export function decompressLzo1x(input: Uint8Array, outputSize: number): Uint8Array {
  const out = new Uint8Array(outputSize);
  let ip = 0;
  let op = 0;
  const fail = (reason: string) => new MemoryError('file', ip, 'LZO1X stream', reason);
  const next = (): number => {
    if (ip >= input.length) throw fail('data ends before the end-of-stream marker');
    return input[ip++];
  };
  const copyLiterals = (count: number): void => {
    if (ip + count > input.length) throw fail(`a run of ${count} literal bytes goes past the end of the data`);
    if (op + count > outputSize) throw fail(`output would exceed ${outputSize} bytes`);
    out.set(input.subarray(ip, ip + count), op);
    ip += count;
    op += count;
  };
  const copyMatch = (distance: number, length: number): void => {
    if (distance > op)
      throw fail(`back-reference ${distance} bytes back reaches before the start of the output (at ${op})`);
    if (op + length > outputSize) throw fail(`output would exceed ${outputSize} bytes`);
    // Byte by byte: a match may overlap the bytes it produces (runs).
    for (let i = 0; i < length; i++, op++) out[op] = out[op - distance];
  };
  const extendedLength = (base: number): number => {
    let length = base;
    let byte = next();
    while (byte === 0) {
      length += 255;
      if (length > outputSize) throw fail(`length run exceeds the ${outputSize}-byte output`);
      byte = next();
    }
    return length + byte;
  };

  let state = 0;
  if (input.length > 0 && input[0] > 17) {
    ip = 1;
    const count = input[0] - 17;
    copyLiterals(count);
    state = Math.min(count, 4);
  }
  for (;;) {
    const op0 = next();
    let distance: number;
    let length: number;
    let trailing: number;
    if (op0 < 16) {
      if (state === 0) {
        copyLiterals((op0 === 0 ? extendedLength(15) : op0) + 3);
        state = 4;
        continue;
      }
      const high = next();
      distance = (high << 2) + (op0 >> 2) + (state === 4 ? 2049 : 1);
      length = state === 4 ? 3 : 2;
      trailing = op0 & 3;
    } else if (op0 < 64) {
      const far = op0 < 32;
      const lowBits = far ? op0 & 7 : op0 & 31;
      length = (lowBits === 0 ? extendedLength(far ? 7 : 31) : lowBits) + 2;
      const lo = next();
      const hi = next();
      const d = (lo >> 2) + (hi << 6);
      trailing = lo & 3;
      if (far) {
        const window = (op0 & 8) << 11;
        if (window + d === 0) {
          if (ip !== input.length) throw fail(`${input.length - ip} bytes follow the end-of-stream marker`);
          if (op !== outputSize) throw fail(`stream ends after ${op} bytes, expected ${outputSize}`);
          return out;
        }
        distance = window + d + 16384;
      } else {
        distance = d + 1;
      }
    } else {
      const high = next();
      distance = (high << 3) + ((op0 >> 2) & 7) + 1;
      length = (op0 >> 5) + 1;
      trailing = op0 & 3;
    }
    copyMatch(distance, length);
    copyLiterals(trailing);
    state = trailing;
  }
}
