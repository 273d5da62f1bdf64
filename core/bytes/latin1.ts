/**
 * Names in a blob are byte strings (ASCII in practice). Decoding them one byte
 * to one UTF-16 unit keeps every byte: a name read and written back is the
 * same bytes, whatever they were. (TextDecoder's "latin1" label is really
 * windows-1252 and would remap 0x80..0x9f.)
 */

/** Largest chunk handed to `String.fromCharCode` at once, well under engine argument limits. */
const CHUNK = 8192;
/**
 * Names up to this long are built eight chars per `fromCharCode` call: for
 * the short names a blob is made of that is about three times as fast as
 * `fromCharCode.apply` (which must first make a subarray to spread) or a
 * char-by-char loop (which makes a string per char).
 */
const SHORT = 64;

/** The bytes [start, end) of `bytes` as a string, one char per byte. */
export function decodeLatin1(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= SHORT) {
    let text = '';
    let i = start;
    for (; i + 8 <= end; i += 8) {
      text += String.fromCharCode(
        bytes[i],
        bytes[i + 1],
        bytes[i + 2],
        bytes[i + 3],
        bytes[i + 4],
        bytes[i + 5],
        bytes[i + 6],
        bytes[i + 7],
      );
    }
    for (; i < end; i++) text += String.fromCharCode(bytes[i]);
    return text;
  }
  if (end - start <= CHUNK) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  let text = '';
  for (let at = start; at < end; at += CHUNK) text += decodeLatin1(bytes, at, Math.min(end, at + CHUNK));
  return text;
}

/** Whether `text` equals the bytes [start, end) of `bytes`, one char per byte, without decoding them. */
export function latin1Equals(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}
