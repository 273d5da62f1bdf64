/**
 * A string of one-byte chars (as DTS text from printDts is: names keep their
 * raw bytes as chars 0..255) back to those bytes. UTF-8 would turn a name
 * byte 0xe9 into two bytes and no longer match what dtc writes.
 */
export function latin1Bytes(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
