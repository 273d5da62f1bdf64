import { hexToBytes } from '../edit/hexBytes';
import type { JsonField } from './JsonField';

/** Most bytes one fill may produce (keeps a typo from asking for gigabytes). */
const MAX_FILL_BYTES = 64 << 20;

/**
 * Bytes described in a spec (docs/build-spec.md, "Bytes"): `{"hex": "00ff"}`
 * (spaces allowed between digits),
 * `{"text": "abc"}` (exact ASCII), `{"repeat": "abc", "size": N}` (the text
 * over and over, cut at N), `{"random": SEED, "size": N}` (xorshift32 from the
 * seed, so a build is repeatable), or `{"zero": N}`.
 */
export function specBytes(field: JsonField): Uint8Array {
  const object = field.object();
  if ('hex' in object) {
    field.onlyKeys('hex');
    try {
      return hexToBytes(field.get('hex').string().replace(/\s+/g, ''));
    } catch (error) {
      throw field.get('hex').error((error as Error).message);
    }
  }
  if ('text' in object) {
    field.onlyKeys('text');
    return ascii(field.get('text'));
  }
  if ('repeat' in object) {
    field.onlyKeys('repeat', 'size');
    const text = ascii(field.get('repeat'));
    if (text.length === 0) throw field.get('repeat').error('must not be empty');
    const out = new Uint8Array(size(field.get('size')));
    for (let i = 0; i < out.length; i++) out[i] = text[i % text.length];
    return out;
  }
  if ('random' in object) {
    field.onlyKeys('random', 'size');
    return randomBytes(field.get('random').number(), size(field.get('size')));
  }
  if ('zero' in object) {
    field.onlyKeys('zero');
    return new Uint8Array(size(field.get('zero')));
  }
  throw field.error('must say what bytes: hex, text, repeat, random or zero');
}

function size(field: JsonField): number {
  const n = field.number();
  if (n > MAX_FILL_BYTES) throw field.error(`is more than ${MAX_FILL_BYTES} bytes`);
  return n;
}

function ascii(field: JsonField): Uint8Array {
  const text = field.string();
  if (/[^\p{ASCII}]/u.test(text)) throw field.error('must be ASCII');
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** `size` bytes of xorshift32 output from `seed` (0 is replaced by 1, which xorshift cannot start from). */
export function randomBytes(seed: number, size: number): Uint8Array {
  let x = seed >>> 0 || 1;
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
