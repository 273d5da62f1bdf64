import type { Rng } from './Rng';

/** u32 values that make good lies: zero, ones, sign bits, page sizes, near-overflow. */
const U32_LIES = [
  0, 1, 2, 3, 4, 7, 8, 0x10, 0x28, 0x38, 0xff, 0x100, 0x1000, 0x1001, 0xffff, 0x10000, 0x100000, 0x7fffffff, 0x80000000,
  0xfffffff0, 0xfffffffc, 0xfffffffe, 0xffffffff,
];

/** u64 values that make good lies: zero, 2^32, 2^53 edges, sign bit, all ones. */
export const U64_LIES: readonly bigint[] = [
  0n,
  1n,
  0x1000n,
  0xfffn,
  2n ** 24n,
  2n ** 32n,
  2n ** 32n - 1n,
  2n ** 48n,
  2n ** 52n,
  2n ** 53n - 1n,
  2n ** 53n,
  2n ** 53n + 4096n,
  2n ** 62n,
  2n ** 63n,
  2n ** 64n - 1n,
  2n ** 64n - 4096n,
];

/** Where a byte mutation lands: anywhere, or biased to the first `headBytes` (where headers live). */
function offset(rng: Rng, length: number, headBytes: number): number {
  if (headBytes > 0 && rng.chance(0.5)) return rng.below(Math.min(length, headBytes));
  return rng.below(length);
}

/**
 * `bytes` with 1 to `maxSteps` random mutations: bit flips, interesting
 * bytes, u32/u64 lies in either byte order, block copies, cuts and growths.
 * The input is not changed.
 */
export function mutateBytes(bytes: Uint8Array, rng: Rng, maxSteps = 8, headBytes = 4096): Uint8Array {
  let out = bytes.slice();
  const steps = rng.between(1, maxSteps);
  for (let s = 0; s < steps && out.length > 0; s++) {
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    const at = offset(rng, out.length, headBytes);
    switch (rng.below(9)) {
      case 0:
        out[at] ^= 1 << rng.below(8);
        break;
      case 1:
        out[at] = rng.pick([0, 0xff, 0x7f, 0x80, 0x01, rng.below(256)]);
        break;
      case 2:
      case 3: {
        const aligned = at - (at % 4);
        if (aligned + 4 <= out.length) view.setUint32(aligned, rng.pick(U32_LIES), rng.chance(0.5));
        break;
      }
      case 4:
      case 5: {
        const aligned = at - (at % 8);
        if (aligned + 8 <= out.length) view.setBigUint64(aligned, rng.pick(U64_LIES), rng.chance(0.5));
        break;
      }
      case 6: {
        // Copy a block over another place (a header over data, a page over a page).
        const length = Math.min(rng.pick([4, 8, 16, 64, 4096]), out.length);
        const from = rng.below(out.length - length + 1);
        const to = rng.below(out.length - length + 1);
        out.copyWithin(to, from, from + length);
        break;
      }
      case 7:
        // Cut the file short.
        if (rng.chance(0.3)) out = out.slice(0, at);
        break;
      default: {
        // Grow it with zeros or garbage.
        if (rng.chance(0.2)) {
          const grown = new Uint8Array(out.length + rng.pick([1, 8, 4096, 65536]));
          grown.set(out);
          if (rng.chance(0.5)) for (let i = out.length; i < grown.length; i++) grown[i] = rng.below(256);
          out = grown;
        }
      }
    }
  }
  return out;
}

/** Tokens that mean something to dtc, for DTS mutations. */
const DTS_TOKENS = [
  '{',
  '}',
  '};',
  ';',
  '<',
  '>',
  '[',
  ']',
  '"',
  '/',
  '&',
  '&{/}',
  '&label',
  'label:',
  '/delete-node/ ',
  '/delete-property/ ',
  '/bits/ 64 ',
  '/bits/ 8 ',
  '/bits/ 7 ',
  '/memreserve/ 0x1000 0x1000;',
  '/dts-v1/;',
  '/plugin/;',
  '#include "x"',
  '(1 << 63)',
  '(0 / 0)',
  '(1 ? 2 : 3)',
  '-1',
  '0xffffffffffffffff',
  '18446744073709551616',
  "'a'",
  '"\\x"',
  '"\\777"',
  '\\',
  '/*',
  '*/',
  '//',
  ',',
  '@',
  '#address-cells',
  'name = "x";',
  'phandle = <1>;',
  'linux,phandle = <0xffffffff>;',
  'compatible = "kho-v1";',
  'x { y { z { }; }; };',
  '/incbin/("x")',
  '\n',
  ' ',
  '\u0000',
  '\uffff',
];

/** DTS text with 1 to `maxSteps` token-level mutations: lines dropped or doubled, tokens inserted, numbers changed. */
export function mutateDtsText(text: string, rng: Rng, maxSteps = 6): string {
  let out = text;
  const steps = rng.between(1, maxSteps);
  for (let s = 0; s < steps; s++) {
    const lines = out.split('\n');
    const line = rng.below(lines.length);
    switch (rng.below(5)) {
      case 0:
        lines.splice(line, 1);
        break;
      case 1:
        lines.splice(line, 0, lines[line]);
        break;
      case 2: {
        const l = lines[line];
        const at = rng.below(l.length + 1);
        lines[line] = l.slice(0, at) + rng.pick(DTS_TOKENS) + l.slice(at);
        break;
      }
      case 3:
        lines[line] = lines[line].replace(/0x[0-9a-f]+|\d+/, () =>
          rng.pick(['0', '0xffffffff', '0x100000000', '-1', '(1 << 32)', '4096', '99999999999999999999']),
        );
        break;
      default: {
        const l = lines[line];
        const at = rng.below(l.length + 1);
        lines[line] = l.slice(0, at) + l.slice(at + rng.between(1, 8));
      }
    }
    out = lines.join('\n');
  }
  return out;
}
