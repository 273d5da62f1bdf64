import type { DecodeContext } from '../decode/DecodeContext';
import type { Fragment } from '../model/Fragment';
import { RawStructReader } from './RawStructReader';

/**
 * Starts decoding a fragment that holds one packed struct of at least `size`
 * bytes: its fields are shown as the fragment's raw content (whatever is read
 * later lands there), and a fragment too short for the struct is a `bad-size`
 * error naming `what` and both sizes. Returns null then, so nothing is read
 * past the end.
 */
export function openRawStruct(
  ctx: DecodeContext,
  fragment: Fragment,
  what: string,
  size: number,
): RawStructReader | null {
  const reader = new RawStructReader(fragment.bytes);
  fragment.content = { kind: 'raw', format: fragment.format, fields: reader.fields };
  if (reader.has(0, size)) return reader;
  ctx.diagnostics.error('bad-size', `${what} is ${fragment.bytes.length} bytes; it needs ${size}`, {
    fragment: fragment.id,
  });
  return null;
}
