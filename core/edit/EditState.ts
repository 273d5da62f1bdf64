import type { FdtDocument } from '../fdt/FdtDocument';
import type { ByteOrder } from '../bytes/ByteOrder';
import type { FragmentLocation } from '../kho/model/FragmentLocation';
import type { RootVersion } from '../kho/model/RootVersion';

/**
 * The editable form of a decoded KHO graph. Plain data (structured-clone
 * safe): operations never change a state, they return a new one that shares
 * everything they did not touch.
 *
 * Links are not stored beside the trees: a link is its pointer property's
 * value, and `pointers` says which fragment each pointer value leads to. So a
 * node removed with its pointer and put back by undo is linked again, and a
 * moved fragment only needs its pointer values rewritten at export.
 */
export interface EditState {
  pageSize: number;
  /** Every fragment ever known, by id: the decoded ones and those edits created. Unreachable ones are dropped at export. */
  fragments: Readonly<Record<string, EditFragment>>;
  /** The KHO roots of the image, in decode order. */
  roots: readonly EditRoot[];
  /** `pointerKey(kind, value)` → the fragment that value points at. Only grows. */
  pointers: Readonly<Record<string, PointerTarget>>;
  /** Number given to the next fragment an edit creates (`new-1`, `new-2`, ...). */
  nextFragment: number;
}

/** One fragment: its tree when it is an editable FDT, and where it was in the input. */
export interface EditFragment {
  id: string;
  /** Id of the root fragment it hangs under (whose map preserves it, whose scheme links it). */
  root: string;
  /** The tree of an FDT fragment; null for raw structs and unreadable blobs, which edits never change. */
  document: FdtDocument | null;
  /** `fdt`, `luo-ser`, `kexec-metadata`, `memfd-v2`, ... as decoded. */
  format: string;
  /** Where the input held it; null for a fragment an edit created. */
  original: FragmentLocation | null;
}

/** One KHO root of the image. */
export interface EditRoot {
  /** Id of the root fragment. */
  fragment: string;
  /** Physical address the next kernel is given: the root page or the first anchor page. Never moves. */
  address: number;
  /** Parsed root compatible, or null when it is not `kho-vN` (then only draft page lists link). */
  version: RootVersion | null;
  /**
   * True for a mainline root (it has `preserved-memory-map`): only its root
   * children link, with `fdt` or `preserved-data`. False for the seed's draft,
   * where any node may link with `kho,recursive-fdt`.
   */
  mainline: boolean;
  /** Set when the top-level FDT sits on KHOANCH1 anchor pages. */
  anchored: boolean;
}

/** How a pointer value is laid out: a draft page list, or one mainline u64 address. */
export type PointerKind = 'page-list' | 'address';

/** Where a pointer value leads, and the byte order its addresses are written in. */
export interface PointerTarget {
  fragment: string;
  order: ByteOrder;
}

/** The key of a pointer value in `EditState.pointers`. */
export function pointerKey(kind: PointerKind, valueHex: string): string {
  return `${kind}:${valueHex}`;
}

/** The root a fragment hangs under (undefined for a fragment of no known root). */
export function rootOf(state: EditState, fragmentId: string): EditRoot | undefined {
  const root = state.fragments[fragmentId]?.root;
  return state.roots.find((r) => r.fragment === root);
}

/** The root whose root fragment is `fragmentId`, if it is one. */
export function rootFragmentRoot(state: Pick<EditState, 'roots'>, fragmentId: string): EditRoot | undefined {
  return state.roots.find((r) => r.fragment === fragmentId);
}
