import { type KhoGraph, type KhoRoot, propertyOf } from '../../core/kho';
import { formatHex } from '../format/formatHex';

/** How a root is named wherever it appears: its card, outline row, breadcrumb and the roots menu. */
export interface RootLabel {
  /** What it is, as a card title: `KHO root`, or for a plain device tree its `model` (else `device tree`). */
  title: string;
  /** Which one, short (a row, a crumb, a button): `root 0x23a000`, `root fdt`, or a plain DTB's file name. */
  name: string;
  /** False for a lone DTB that is not a KHO root (a board's device tree, one user's blob). */
  kho: boolean;
}

/** Longest `model` shown as a title: a hostile DTB's string must not stretch a card or a row. */
const MAX_TITLE = 64;

/**
 * The one naming of a root. A root found in memory is named by its
 * address; a KHO root read from a file by that file (debugfs `fdt`, a lone
 * DTB with a `kho-vN` compatible). A lone DTB that is not a KHO root
 * at all (a plain device tree compiled with dtc) is named by its file, and
 * titled by its root `model` — what a kernel developer calls that tree —
 * or `device tree`, never `KHO root`.
 */
export function rootLabel(graph: KhoGraph, root: KhoRoot): RootLabel {
  if (root.address !== null) return { title: 'KHO root', name: `root ${formatHex(root.address)}`, kho: true };
  if (graph.source.kind !== 'dtb')
    return { title: 'KHO root', name: `root ${root.fragment ?? graph.source.name}`, kho: true };
  const file = fileName(graph.source.name);
  if (root.version !== null) return { title: 'KHO root', name: `root ${file}`, kho: true };
  return { title: modelOf(graph, root) ?? 'device tree', name: file, kho: false };
}

/** The root node's `model` string, cut to `MAX_TITLE` characters; null when there is none. */
function modelOf(graph: KhoGraph, root: KhoRoot): string | null {
  const fragment = graph.fragments.find((candidate) => candidate.id === root.fragment);
  if (fragment?.content?.kind !== 'fdt') return null;
  const value = propertyOf(fragment.content.root, 'model')?.value;
  if (value?.kind !== 'string' || value.value.trim() === '') return null;
  const model = value.value.trim();
  return model.length > MAX_TITLE ? `${model.slice(0, MAX_TITLE - 1)}…` : model;
}

/** The last part of a path (the CLI's `khoscope open` passes one; a dropped file has none). */
function fileName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1) || name;
}
