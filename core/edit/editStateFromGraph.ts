import { readFdt } from '../fdt/readFdt';
import { propertyOf, type DecodedNode } from '../kho/model/FdtContent';
import type { KhoGraph } from '../kho/model/KhoGraph';
import type { LinkScheme } from '../kho/model/Link';
import { childPath } from './documentPaths';
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
  const byId = new Map(graph.fragments.map((fragment) => [fragment.id, fragment]));
  const nodesOf = new Map<string, Map<string, DecodedNode>>();
  for (const link of graph.links) {
    const kind = EDITABLE_SCHEMES.get(link.scheme);
    if (!kind || link.to === null) continue;
    const owner = byId.get(link.from.fragment);
    if (owner?.content?.kind !== 'fdt') continue;
    const nodes = nodesOf.get(owner.id) ?? nodesByPath(owner.content.root);
    nodesOf.set(owner.id, nodes);
    const node = nodes.get(link.from.node);
    const property = node && propertyOf(node, link.from.property);
    if (property) pointers[pointerKey(kind, bytesToHex(property.raw))] = { fragment: link.to, order: link.order };
  }
  return { pageSize: graph.source.pageSize, fragments, roots, pointers, nextFragment: 1 };
}

/**
 * Every node of a decoded tree by its path, in one pass (where siblings share
 * a name the first counts): a root with thousands of linked children is
 * looked up in linear time, not by a scan of its children per link.
 */
function nodesByPath(root: DecodedNode): Map<string, DecodedNode> {
  const nodes = new Map<string, DecodedNode>();
  const stack: Array<[DecodedNode, string]> = [[root, '/']];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, path] = top;
    if (nodes.has(path)) continue;
    nodes.set(path, node);
    // Pushed last to first, so the first of same-named siblings is visited (and kept) first.
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push([node.children[i], childPath(path, node.children[i].name)]);
  }
  return nodes;
}
