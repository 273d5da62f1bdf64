import type { FdtProperty } from '../../fdt/FdtDocument';
import { u64 } from '../../bytes/encoders';
import type { ByteOrder } from '../../bytes/ByteOrder';
import { DRAFT_PAGE_LIST_PROPERTY } from '../../kho/values/abiPropertyTypes';
import { pointerKey, type EditRoot, type EditState, type PointerKind } from '../EditState';
import { bytesToHex } from '../hexBytes';

/** How a new link from a given node is written, by the scheme of the root it hangs under. */
export interface LinkScheme {
  kind: PointerKind;
  order: ByteOrder;
  /** Properties of the owner node: the pointer (and `blob-size` before it, as the kernel writes it). */
  properties(pointer: Uint8Array): FdtProperty[];
}

/**
 * The scheme of a new link from node `path` of a fragment under `root`, or
 * why there can be none: under a mainline root only root children link
 * (kho-format.md §1.3: `fdt` for kho-v1, `preserved-data` from kho-v2 with
 * `blob-size` from kho-v3); elsewhere the seed's `kho,recursive-fdt` page
 * list links from any node, written big-endian as the seed writes cells.
 */
export function linkSchemeFor(
  root: EditRoot | undefined,
  isRootFragment: boolean,
  parentPath: string,
): LinkScheme | string {
  if (!root?.mainline) {
    return {
      kind: 'page-list',
      order: 'be',
      properties: (pointer) => [{ name: DRAFT_PAGE_LIST_PROPERTY, value: pointer }],
    };
  }
  if (!isRootFragment || parentPath !== '/') {
    return `under a mainline ${root.version?.compatible ?? 'KHO'} root only the root's own children can point to blobs; this node is not one`;
  }
  const rules = root.version?.rules ?? 4;
  if (rules === 1) return { kind: 'address', order: 'le', properties: (pointer) => [{ name: 'fdt', value: pointer }] };
  if (rules === 2)
    return { kind: 'address', order: 'le', properties: (pointer) => [{ name: 'preserved-data', value: pointer }] };
  return {
    kind: 'address',
    order: 'le',
    // The size is a placeholder until export knows how big the blob is.
    properties: (pointer) => [
      { name: 'blob-size', value: u64(0) },
      { name: 'preserved-data', value: pointer },
    ],
  };
}

/** First placeholder pointer value: far above 2^53, so it is never a real address. */
const PLACEHOLDER_BASE = 0xffff_ffff_0000_0000n;

/**
 * A pointer value for a fragment that has no address yet, registered so it
 * leads to `fragment`. Export replaces it with the fragment's real pages.
 */
export function placeholderPointer(
  state: EditState,
  scheme: LinkScheme,
  fragment: string,
  serial: number,
): { value: Uint8Array; pointers: EditState['pointers'] } {
  const value = u64(PLACEHOLDER_BASE + BigInt(serial), scheme.order);
  return {
    value,
    pointers: { ...state.pointers, [pointerKey(scheme.kind, bytesToHex(value))]: { fragment, order: scheme.order } },
  };
}
