import { readFdt } from '../fdt/readFdt';
import { propertyOf, type DecodedNode } from '../kho/model/FdtContent';
import type { KhoGraph } from '../kho/model/KhoGraph';
import type { LinkScheme } from '../kho/model/Link';
import { pathNames } from './documentPaths';
import { EditError } from './EditError';
import {
  pointerKey,
  type EditFragment,
  type EditRoot,
  type EditState,
  type PointerKind,
  type PointerTarget,
} from './EditState';
import { bytesToHex } from './hexBytes';

/** Link schemes whose pointers the editor rewrites, and the layout of their values. */
export const EDITABLE_SCHEMES: ReadonlyMap<LinkScheme, PointerKind> = new Map<LinkScheme, PointerKind>([
  ['draft-recursive-fdt', 'page-list'],
  ['kho-v1-fdt', 'address'],
  ['preserved-data', 'address'],
]);

/**
 * The editable state of a decoded graph: every FDT fragment's tree (read
 * again from its bytes, so values are exactly what the image holds), raw
 * fragments as they are, the roots, and where each followed pointer value
 * leads. Only graphs of physical memory can be edited: a blob set or a lone
 * DTB has no memory to place fragments in.
 */
export function editStateFromGraph(graph: KhoGraph): EditState {
  if (graph.source.kind !== 'memory') {
    throw new EditError(
      graph.source.name,
      `a ${graph.source.kind === 'debugfs' ? 'debugfs blob set' : 'lone DTB'} has no physical memory to write fragments into; edit a memory image`,
    );
  }
  const fragments: Record<string, EditFragment> = {};
  for (const fragment of graph.fragments) {
    const document = fragment.content?.kind === 'fdt' ? readFdt(fragment.bytes).toDocument() : null;
    fragments[fragment.id] = {
      id: fragment.id,
      root: fragment.root,
      document,
      format: fragment.format,
      original: fragment.location,
    };
  }
  const roots: EditRoot[] = [];
  for (const root of graph.roots) {
    if (root.fragment === null || root.address === null) continue;
    const document = fragments[root.fragment]?.document;
    const mainline =
      root.version !== null &&
      document?.root.properties.some((property) => property.name === 'preserved-memory-map') === true;
    roots.push({
      fragment: root.fragment,
      address: root.address,
      version: root.version,
      mainline,
      anchored: root.anchorChain !== null,
    });
  }
  const pointers: Record<string, PointerTarget> = {};
  for (const link of graph.links) {
    const kind = EDITABLE_SCHEMES.get(link.scheme);
    if (!kind || link.to === null) continue;
    const owner = graph.fragments.find((fragment) => fragment.id === link.from.fragment);
    if (owner?.content?.kind !== 'fdt') continue;
    const node = decodedNodeAt(owner.content.root, link.from.node);
    const property = node && propertyOf(node, link.from.property);
    if (property) pointers[pointerKey(kind, bytesToHex(property.raw))] = { fragment: link.to, order: link.order };
  }
  return { pageSize: graph.source.pageSize, fragments, roots, pointers, nextFragment: 1 };
}

function decodedNodeAt(root: DecodedNode, path: string): DecodedNode | undefined {
  let node: DecodedNode | undefined = root;
  for (const name of pathNames(path) ?? []) node = node?.children.find((child) => child.name === name);
  return node;
}
