import type { DecodeContext } from '../decode/DecodeContext';
import { fileFragment } from './fileFragment';
import { decodeFdtBytes } from '../decode/decodeFdtBytes';
import { decodeFdtFragment } from '../decode/decodeFragment';
import { registerVersion } from '../decode/decodeRoot';
import { decodeRootMap } from '../decode/decodeRootMap';
import { followLinks } from '../decode/followLinks';
import type { KhoRoot } from '../model/KhoGraph';
import { parseRootCompatible } from '../rootVersion';

/** Id of the fragment of a lone DTB. */
export const LONE_DTB = 'dtb';

/**
 * Decodes a lone FDT file: a KHO root (its pointers cannot be followed
 * without memory, which diagnostics note) or any other blob such as one
 * user's sub-FDT, shown as one fragment with its known user decoded.
 */
export async function decodeLoneDtb(ctx: DecodeContext, bytes: Uint8Array): Promise<KhoRoot[]> {
  const fragment = fileFragment(LONE_DTB, bytes);
  ctx.fragments.set(fragment.id, fragment);
  const root: KhoRoot = {
    fragment: LONE_DTB,
    address: null,
    how: 'dtb',
    rank: null,
    compatible: null,
    version: null,
    anchorChain: null,
    map: null,
  };
  const fdt = decodeFdtBytes(ctx, fragment);
  if (!fdt) return [root];
  if (fragment.compatible !== null && parseRootCompatible(fragment.compatible) !== null) {
    registerVersion(ctx, fragment, root);
    root.map = await decodeRootMap(ctx, fragment, fdt, root, null, {});
  } else {
    root.compatible = fragment.compatible;
    ctx.diagnostics.info(
      'not-a-kho-root',
      `this DTB's compatible is "${fragment.compatible ?? ''}": not a KHO root, shown as a single fragment`,
      { fragment: fragment.id, node: '/' },
    );
  }
  await decodeFdtFragment(ctx, fragment, fdt);
  await followLinks(ctx);
  return [root];
}
