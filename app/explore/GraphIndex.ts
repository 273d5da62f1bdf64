import type {
  BlockSet,
  DecodedNode,
  DecodedProperty,
  FieldRef,
  Fragment,
  KhoGraph,
  KhoRoot,
  Link,
  RawField,
  VmallocArea,
} from '../../core/kho';

/** A property of an FDT node or a field of a raw struct: what the inspector shows for a `property` selection. */
export type ValueItem = { kind: 'property'; property: DecodedProperty } | { kind: 'field'; field: RawField };

const indexes = new WeakMap<KhoGraph, GraphIndex>();

/** The index of `graph`, built once per graph (graphs are immutable once decoded). */
export function graphIndexOf(graph: KhoGraph): GraphIndex {
  let index = indexes.get(graph);
  if (!index) {
    index = new GraphIndex(graph);
    indexes.set(graph, index);
  }
  return index;
}

/**
 * Lookups over one decoded graph that every view needs: fragments and links
 * by id, nodes by path, links by the place they start from or the fragment
 * they reach, side structures by owner. Built once; the graph is not changed.
 */
export class GraphIndex {
  private readonly fragments = new Map<string, Fragment>();
  private readonly links = new Map<string, Link>();
  private readonly linksByPlace = new Map<string, Link>();
  private readonly linksInto = new Map<string, Link[]>();
  private readonly linksOutOf = new Map<string, Link[]>();
  private readonly nodes = new Map<string, DecodedNode>();
  private readonly roots = new Map<string, KhoRoot>();

  constructor(readonly graph: KhoGraph) {
    for (const fragment of graph.fragments) {
      this.fragments.set(fragment.id, fragment);
      if (fragment.content?.kind === 'fdt') this.indexNodes(fragment.id, fragment.content.root);
    }
    for (const link of graph.links) {
      this.links.set(link.id, link);
      this.linksByPlace.set(placeKey(link.from.fragment, link.from.node, link.from.property), link);
      push(this.linksOutOf, link.from.fragment, link);
      if (link.to !== null) push(this.linksInto, link.to, link);
    }
    for (const root of graph.roots) if (root.fragment !== null) this.roots.set(root.fragment, root);
  }

  fragment(id: string): Fragment | undefined {
    return this.fragments.get(id);
  }

  link(id: string): Link | undefined {
    return this.links.get(id);
  }

  /** The node at `path` of an FDT fragment. */
  node(fragment: string, path: string): DecodedNode | undefined {
    return this.nodes.get(placeKey(fragment, path, ''));
  }

  /** A property of an FDT node, or a raw field (`node` ''), by name. */
  valueItem(fragment: string, node: string, name: string): ValueItem | undefined {
    const content = this.fragments.get(fragment)?.content;
    if (!content) return undefined;
    if (content.kind === 'raw') {
      if (node !== '') return undefined;
      const field = content.fields.find((entry) => entry.path === name);
      return field ? { kind: 'field', field } : undefined;
    }
    const property = this.node(fragment, node)?.properties.find((entry) => entry.name === name);
    return property ? { kind: 'property', property } : undefined;
  }

  /** The link whose pointer is at this place (`property` '' for a link from a node as a whole). */
  linkAt(fragment: string, node: string, property: string): Link | undefined {
    return this.linksByPlace.get(placeKey(fragment, node, property));
  }

  /** Links that reach `fragment`. */
  linksTo(fragment: string): Link[] {
    return this.linksInto.get(fragment) ?? [];
  }

  /** Links whose pointer lies in `fragment`. */
  linksFrom(fragment: string): Link[] {
    return this.linksOutOf.get(fragment) ?? [];
  }

  /** The root whose top-level fragment is `fragment`, if it is one. */
  rootAt(fragment: string): KhoRoot | undefined {
    return this.roots.get(fragment);
  }

  /** Vmalloc areas and block sets owned by a place (a property or field), or by anything in `fragment` when `place` is omitted. */
  sideStructures(
    fragment: string,
    place?: { node: string; property: string },
  ): { vmalloc: VmallocArea[]; blocks: BlockSet[] } {
    const owned = (owner: FieldRef) =>
      owner.fragment === fragment && (!place || (owner.node === place.node && owner.property === place.property));
    return {
      vmalloc: this.graph.vmallocAreas.filter((area) => owned(area.owner)),
      blocks: this.graph.blockSets.filter((set) => owned(set.owner)),
    };
  }

  /** The owner of a side structure (vmalloc area, block set) by its id. */
  structureOwner(id: string): FieldRef | undefined {
    return (
      this.graph.vmallocAreas.find((area) => area.id === id)?.owner ??
      this.graph.blockSets.find((set) => set.id === id)?.owner
    );
  }

  private indexNodes(fragment: string, root: DecodedNode): void {
    // Iterative: untrusted trees can be deeper than the call stack.
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      this.nodes.set(placeKey(fragment, node.path, ''), node);
      stack.push(...node.children);
    }
  }
}

function placeKey(fragment: string, node: string, property: string): string {
  return `${fragment}\0${node}\0${property}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
