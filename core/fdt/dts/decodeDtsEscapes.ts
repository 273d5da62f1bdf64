import { DtsError } from './DtsError';
import type { DtsPosition } from './DtsError';

/** One-letter escapes dtc knows (util.c `get_escape_char`); any other escaped character stands for itself. */
const LETTER_ESCAPES: Readonly<Record<string, number>> = {
  a: 0x07,
  b: 0x08,
  t: 0x09,
  n: 0x0a,
  v: 0x0b,
  f: 0x0c,
  r: 0x0d,
};

/** C `isspace` in the C locale. */
function isCSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\v' || char === '\f' || char === '\r';
}

function hexDigit(char: string | undefined): number {
  if (char === undefined) return -1;
  const value = parseInt(char, 16);
  return Number.isNaN(value) ? -1 : value;
}

/**
 * dtc reads `\x` with `strtol(base 16)` over the next two characters, so it
 * also accepts leading white space and a sign (`"\x 5"` is 0x05, `"\x-1"` is
 * 0xff). Returns the byte and how many characters were used, or undefined when
 * no digit follows (dtc: "\x used with no following hex digits").
 */
function readHexEscape(content: string, at: number): { byte: number; used: number } | undefined {
  const window = content.slice(at, at + 2);
  let i = 0;
  while (i < window.length && isCSpace(window[i])) i++;
  let sign = 1;
  if (window[i] === '+' || window[i] === '-') {
    if (window[i] === '-') sign = -1;
    i++;
  }
  const digitsStart = i;
  let value = 0;
  while (i < window.length && hexDigit(window[i]) >= 0) value = value * 16 + hexDigit(window[i++]);
  if (i === digitsStart) return undefined;
  return { byte: (sign * value) & 0xff, used: i };
}

/** Octal escapes take up to three octal digits; dtc keeps the low byte (`\777` is 0xff). */
function readOctalEscape(content: string, at: number): { byte: number; used: number } {
  let i = at;
  let value = 0;
  while (i < at + 3 && i < content.length && content[i] >= '0' && content[i] <= '7') {
    value = value * 8 + (content.charCodeAt(i) - 0x30);
    i++;
  }
  return { byte: value & 0xff, used: i - at };
}

/** Appends the UTF-8 encoding of one code point (lone surrogates become U+FFFD, as TextEncoder does). */
function pushUtf8(bytes: number[], codePoint: number): void {
  let cp = codePoint;
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  if (cp < 0x80) bytes.push(cp);
  else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

/**
 * The bytes of a DTS string or character literal (`literal` is its source
 * text, quotes included), escapes decoded the way dtc decodes them
 * (`data_copy_escape_string`): `\a \b \t \n \v \f \r`, up to three octal
 * digits, `\x` with up to two hex digits, and a backslash before any other
 * character stands for that character. As in dtc, an escape may read the
 * closing quote: `'\'` is the character `'`. Text is UTF-8 encoded, as dtc
 * reads a UTF-8 file. `at` is where the literal starts, for the error a bare
 * `\x` raises.
 */
export function decodeDtsEscapes(literal: string, at: DtsPosition): number[] {
  const bytes: number[] = [];
  const end = literal.length - 1;
  let i = 1;
  while (i < end) {
    const codePoint = literal.codePointAt(i) as number;
    if (codePoint !== 0x5c /* backslash */) {
      pushUtf8(bytes, codePoint);
      i += codePoint > 0xffff ? 2 : 1;
      continue;
    }
    const escaped = literal[i + 1];
    i += 2;
    if (escaped in LETTER_ESCAPES) {
      bytes.push(LETTER_ESCAPES[escaped]);
    } else if (escaped >= '0' && escaped <= '7') {
      const octal = readOctalEscape(literal, i - 1);
      bytes.push(octal.byte);
      i += octal.used - 1;
    } else if (escaped === 'x') {
      const hex = readHexEscape(literal, i);
      if (!hex) throw new DtsError(at, '\\x must be followed by a hex digit');
      bytes.push(hex.byte);
      i += hex.used;
    } else {
      const escapedPoint = literal.codePointAt(i - 1) as number;
      pushUtf8(bytes, escapedPoint);
      if (escapedPoint > 0xffff) i++;
    }
  }
  return bytes;
}
