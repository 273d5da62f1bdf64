import type { FdtDocument } from '../fdt/FdtDocument';
import { DRAFT_PAGE_LIST_PROPERTY } from '../kho/values/abiPropertyTypes';
import { childPath } from './documentPaths';
import { pointerKey, rootFragmentRoot, type EditState, type PointerKind, type PointerTarget } from './EditState';
import { bytesToHex } from './hexBytes';

/**
 * The properties of a fragment that link to another fragment, found the way
 * the decoder finds them (docs/kho-graph.md): a `kho,recursive-fdt` page list
 * on any node of any fragment, and on the root children of a KHO root
 * `preserved-data` (else `fdt`), unless the child carries a page list.
 */
export interface PointerSlot {
  /** Path of the node that holds the pointer (the link's owner). */
  node: string;
  property: string;
  kind: PointerKind;
  value: Uint8Array;
  /** A `blob-size` sits beside a `preserved-data` pointer (kho-v3+) and follows the target's size. */
  blobSize: boolean;
}

/** Name of the mainline child pointer that carries the size beside it. */
const BLOB_SIZE = 'blob-size';

/** Every pointer slot of the fragment `fragmentId`, whose tree is `doc`. */
export function pointerSlots(state: EditState, fragmentId: string, doc: FdtDocument): PointerSlot[] {
  const slots: PointerSlot[] = [];
  const visit = (node: FdtDocument['root'], path: string) => {
    const list = node.properties.find((property) => property.name === DRAFT_PAGE_LIST_PROPERTY);
    if (list && list.value.length > 0 && list.value.length % 8 === 0) {
      slots.push({ node: path, property: list.name, kind: 'page-list', value: list.value, blobSize: false });
    }
    for (const child of node.children) visit(child, childPath(path, child.name));
  };
  visit(doc.root, '/');
  if (rootFragmentRoot(state, fragmentId)?.version) {
    for (const child of doc.root.children) {
      if (child.properties.some((property) => property.name === DRAFT_PAGE_LIST_PROPERTY)) continue;
      const pointer =
        child.properties.find((property) => property.name === 'preserved-data') ??
        child.properties.find((property) => property.name === 'fdt');
      if (pointer?.value.length !== 8) continue;
      const blobSize =
        pointer.name === 'preserved-data' && child.properties.some((property) => property.name === BLOB_SIZE);
      slots.push({
        node: childPath('/', child.name),
        property: pointer.name,
        kind: 'address',
        value: pointer.value,
        blobSize,
      });
    }
  }
  return slots;
}

/** The fragment a slot's value leads to, or undefined when the value was never followed (a dangling pointer). */
export function slotTarget(state: EditState, slot: Pick<PointerSlot, 'kind' | 'value'>): PointerTarget | undefined {
  return state.pointers[pointerKey(slot.kind, bytesToHex(slot.value))];
}

/** Properties whose value points into preserved memory that khoscope reads but never moves. */
const FIXED_POINTERS = new Set(['luo-session-header', 'luo-flb-header', 'folios_info']);

/**
 * Why the property `name` of node `path` in fragment `fragmentId` may not be
 * changed by hand, or undefined when it may: link pointers and the map
 * pointer are written by the editor itself at export, and pointers into
 * other preserved structures would lead somewhere khoscope cannot check.
 */
export function managedPropertyReason(
  state: Pick<EditState, 'roots'>,
  fragmentId: string,
  path: string,
  name: string,
): string | undefined {
  if (name === DRAFT_PAGE_LIST_PROPERTY)
    return `${name} is a link page list: the editor writes it (use split, inline or set-page-order)`;
  const root = rootFragmentRoot(state, fragmentId);
  if (root?.version) {
    if (path === '/' && name === 'preserved-memory-map')
      return 'preserved-memory-map is written by the editor when it updates the map';
    const isRootChild = path !== '/' && path.lastIndexOf('/') === 0;
    if (isRootChild && (name === 'fdt' || name === 'preserved-data' || name === BLOB_SIZE)) {
      return `${name} is a link to a blob: the editor writes it (use add-fragment, split, inline or remove the node)`;
    }
  }
  if (FIXED_POINTERS.has(name)) return `${name} points into preserved memory that khoscope does not move`;
  return undefined;
}
