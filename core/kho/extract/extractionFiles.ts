import { hex } from '../../bytes/readers';
import type { KhoGraph, KhoRoot } from '../model/KhoGraph';
import type { Link } from '../model/Link';
import { walkLinkTree } from '../walkLinkTree';

/** One file to write: a path relative to the output folder and the fragment bytes it holds. */
export interface ExtractedFile {
  path: string;
  bytes: Uint8Array;
  fragment: string;
}

/**
 * The files `khoscope extract` writes, laid out like the kernel's debugfs
 * `kho/out` (docs/kho-graph.md, "Extract layout"): `fdt` is the whole root
 * FDT, `sub_fdts/<name>` each root child's blob, and fragments below a child
 * go to `<child file>.d/<label>`, recursively, where the label is the owning
 * node's path (dots for slashes) or the raw field holding the pointer.
 * Fragments spread over pages are written concatenated. With `perRoot`, each
 * root goes to a folder named after its address (`0x23a000/fdt`, ...).
 * A fragment reached twice is written at each place but descended into once.
 */
export function extractionFiles(graph: KhoGraph, perRoot: boolean): ExtractedFile[] {
  const fragments = new Map(graph.fragments.map((fragment) => [fragment.id, fragment]));
  const files: ExtractedFile[] = [];
  /** Names taken in each folder, so two links with one label get `~2`, `~3`. */
  const used = new Map<string, Set<string>>();
  for (const root of graph.roots) {
    const fragment = root.fragment === null ? undefined : fragments.get(root.fragment);
    if (!fragment) continue;
    const prefix = perRoot ? `${rootFolder(root)}/` : '';
    files.push({ path: `${prefix}fdt`, bytes: fragment.bytes, fragment: fragment.id });
    walkLinkTree(graph, fragment, `${prefix}sub_fdts/`, (link, target, folder) => {
      const names = used.get(folder) ?? new Set<string>();
      used.set(folder, names);
      const name = uniqueName(linkLabel(link), names);
      files.push({ path: folder + name, bytes: target.bytes, fragment: target.id });
      return `${folder}${name}.d/`;
    });
  }
  return files;
}

/** The file name for a link: the owning node's path, else the raw field's path; safe as one path component. */
export function linkLabel(link: Link): string {
  const node = link.from.node.replace(/^\/+/, '');
  const label = node === '' ? link.from.property : node;
  const safe = label.replace(/[/\\]/g, '.').replace(/[\0]/g, '_');
  return safe === '' || safe === '.' || safe === '..' ? `_${safe}` : safe;
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = `${name}~${n}`;
  used.add(candidate);
  return candidate;
}

function rootFolder(root: KhoRoot): string {
  return root.address === null ? (root.fragment ?? 'root') : hex(root.address);
}
