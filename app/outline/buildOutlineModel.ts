import { type DecodedNode, formatValue, type Fragment, type KhoGraph, type KhoRoot, type Link } from '../../core/kho';
import { graphIndexOf, type GraphIndex } from '../explore/GraphIndex';
import { rootLabel } from '../explore/rootLabel';
import { selectionKey } from '../explore/selectionKey';
import type { Selection } from '../model/Selection';
import type { OutlineItem, OutlineModel } from './OutlineModel';

/** Value previews longer than this are cut (the inspector shows all). */
const PREVIEW_CHARS = 48;

const models = new WeakMap<KhoGraph, OutlineModel>();

/** The outline of `graph`, built once per graph. */
export function outlineModelOf(graph: KhoGraph): OutlineModel {
  let model = models.get(graph);
  if (!model) {
    model = buildOutlineModel(graph);
    models.set(graph, model);
  }
  return model;
}

/**
 * The outline tree of a graph: roots → their fragments (nearest first) →
 * nodes → properties, raw structs → fields. Rows holding a pointer carry
 * the link (Enter follows it); links whose pointer is not a row of its own
 * (a LUO file's `data` inside a session array, a debugfs child reached by
 * name) get a link row under their node or fragment.
 */
export function buildOutlineModel(graph: KhoGraph): OutlineModel {
  const index = graphIndexOf(graph);
  const items: OutlineItem[] = [];
  const top: number[] = [];
  const rowOf = new Map<string, number>();

  const add = (parent: number, item: Omit<OutlineItem, 'parent' | 'depth' | 'children'>): number => {
    const id = items.length;
    items.push({ ...item, parent, depth: parent < 0 ? 0 : items[parent].depth + 1, children: [] });
    if (parent < 0) top.push(id);
    else items[parent].children.push(id);
    const key = selectionKey(item.selection);
    // The first row showing a thing is where it is revealed (a root row and its fragment row share one).
    if (!rowOf.has(key) || item.kind !== 'root') rowOf.set(key, id);
    if (item.link) rowOf.set(selectionKey({ kind: 'link', link: item.link }), id);
    return id;
  };

  const placed = new Set<string>();
  for (const root of graph.roots) {
    const row = add(-1, rootItem(graph, root));
    for (const fragment of fragmentsOf(graph, root)) {
      placed.add(fragment.id);
      addFragment(index, add, row, fragment);
    }
  }
  const rest = graph.fragments.filter((fragment) => !placed.has(fragment.id));
  if (rest.length > 0) {
    const row = add(-1, {
      kind: 'root',
      label: 'other fragments',
      detail: `${rest.length} not under a root`,
      selection: { kind: 'fragment', fragment: rest[0].id },
      link: null,
      target: null,
    });
    for (const fragment of rest) addFragment(index, add, row, fragment);
  }
  return { items, top, rowOf };
}

type AddItem = (parent: number, item: Omit<OutlineItem, 'parent' | 'depth' | 'children'>) => number;

function rootItem(graph: KhoGraph, root: KhoRoot): Omit<OutlineItem, 'parent' | 'depth' | 'children'> {
  const found = root.rank === null ? root.how : `${root.how}, rank ${root.rank}`;
  const selection: Selection =
    root.fragment !== null
      ? { kind: 'fragment', fragment: root.fragment }
      : { kind: 'memory', address: root.address ?? 0, length: 1 };
  return {
    kind: 'root',
    label: rootLabel(graph, root).name,
    detail: `${root.compatible ?? 'unreadable'} · ${found}`,
    selection,
    link: null,
    target: null,
  };
}

/** Fragments first reached from `root`: its own first, then by depth, in discovery order. */
function fragmentsOf(graph: KhoGraph, root: KhoRoot): Fragment[] {
  if (root.fragment === null) return [];
  return graph.fragments.filter((fragment) => fragment.root === root.fragment).sort((a, b) => a.depth - b.depth);
}

function addFragment(index: GraphIndex, add: AddItem, parent: number, fragment: Fragment): void {
  const row = add(parent, {
    kind: 'fragment',
    label: fragment.id,
    detail: fragment.compatible ?? fragment.format,
    selection: { kind: 'fragment', fragment: fragment.id },
    link: null,
    target: null,
  });
  const shown = new Set<string>();
  const nodeRows = new Map<string, number>([['/', row]]);
  const content = fragment.content;
  if (content?.kind === 'fdt') addNodeContents(index, add, row, fragment.id, content.root, shown, nodeRows);
  if (content?.kind === 'raw') {
    for (const field of content.fields) {
      const link = index.linkAt(fragment.id, '', field.path);
      if (link) shown.add(link.id);
      add(row, {
        kind: 'field',
        label: field.path,
        detail: link
          ? arrow(link)
          : preview(formatValue(field.value, fragment.bytes.subarray(field.offset, field.offset + field.size))),
        selection: { kind: 'property', fragment: fragment.id, node: '', property: field.path },
        link: link?.id ?? null,
        target: link?.to ?? null,
      });
    }
  }
  // Pointers that are not a row of their own: under their node when it is shown, else under the fragment.
  for (const link of index.linksFrom(fragment.id)) {
    if (shown.has(link.id)) continue;
    add(nodeRows.get(link.from.node) ?? row, {
      kind: 'link',
      label: link.from.property || link.from.node,
      detail: arrow(link),
      selection: { kind: 'link', link: link.id },
      link: link.id,
      target: link.to,
    });
  }
}

/**
 * A node's properties, then its children, under `parent`. The root node's
 * contents go straight under the fragment row (which stands for `/`).
 * Iterative, since untrusted trees can be deeper than the call stack.
 */
function addNodeContents(
  index: GraphIndex,
  add: AddItem,
  parent: number,
  fragment: string,
  root: DecodedNode,
  shown: Set<string>,
  nodeRows: Map<string, number>,
): void {
  const stack: { node: DecodedNode; row: number }[] = [{ node: root, row: parent }];
  while (stack.length > 0) {
    const { node, row } = stack.pop()!;
    for (const property of node.properties) {
      const link = index.linkAt(fragment, node.path, property.name);
      if (link) shown.add(link.id);
      add(row, {
        kind: 'property',
        label: property.name,
        detail: link ? arrow(link) : preview(formatValue(property.value, property.raw)),
        selection: { kind: 'property', fragment, node: node.path, property: property.name },
        link: link?.id ?? null,
        target: link?.to ?? null,
      });
    }
    const children = node.children.map((child) => {
      const link = index.linkAt(fragment, child.path, '');
      if (link) shown.add(link.id);
      const compatible = child.properties.find((property) => property.name === 'compatible');
      const childRow = add(row, {
        kind: 'node',
        label: child.name,
        detail: link ? arrow(link) : compatible ? preview(formatValue(compatible.value, compatible.raw)) : '',
        selection: { kind: 'node', fragment, node: child.path },
        link: link?.id ?? null,
        target: link?.to ?? null,
      });
      nodeRows.set(child.path, childRow);
      return { node: child, row: childRow };
    });
    // Each child's row is already in place, so the order its contents are filled in does not change the tree.
    stack.push(...children);
  }
}

/** `→ 0x1847000`, or why the pointer was not followed. */
function arrow(link: Link): string {
  return link.to === null ? '→ not followed' : `→ ${link.to}`;
}

function preview(text: string): string {
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}
