import { charArray, concatBytes, u32, u64, u64List } from '../../bytes/encoders';
import { ANCHOR_MAGIC } from './anchorPageLayout';

/**
 * Writes a `KHOANCH1` anchor page (seed-design.md): the inverse of the layout
 * root discovery reads. The editor rewrites anchor chains with it and the
 * image builder lays them out, so it lives beside the layout, not in either.
 * `count`, `reserved` and `magic` default to the correct values; tests
 * override them to make broken pages.
 */
export function encodeAnchorPage(
  pageSize: number,
  fields: {
    next: number;
    fdtSize: number;
    pages: readonly number[];
    count?: number;
    reserved?: number;
    magic?: string;
  },
): Uint8Array {
  const bytes = new Uint8Array(pageSize);
  const content = concatBytes(
    charArray(fields.magic ?? ANCHOR_MAGIC, 8),
    u64(fields.next),
    u64(fields.fdtSize),
    u32(fields.count ?? fields.pages.length),
    u32(fields.reserved ?? 0),
    u64List(fields.pages),
  );
  bytes.set(content.subarray(0, pageSize));
  return bytes;
}
