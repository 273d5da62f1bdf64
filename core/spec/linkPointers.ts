import type { FdtDocument, FdtNode, FdtProperty } from '../fdt/FdtDocument';
import { u64, u64List } from '../bytes/encoders';
import { DRAFT_PAGE_LIST_PROPERTY } from '../kho/values/abiPropertyTypes';
import { pathNames } from '../edit/documentPaths';
import type { BuildSpec, LinkSpec, RootSpec } from './BuildSpec';
import { SpecError } from './SpecError';

/** How one link is written: which property, as a page list or one address, and whether `blob-size` goes with it. */
export interface LinkLayout {
  link: LinkSpec;
  property: string;
  kind: 'page-list' | 'address';
  /** `auto` writes the target's size; a number writes it; null writes none. */
  blobSize: number | 'auto' | null;
}

/**
 * The layout of every link (docs/build-spec.md, "Links"): a root child of a
 * mainline root's own fragment links the mainline way (`fdt` for kho-v1,
 * `preserved-data` from kho-v2, with `blob-size` from kho-v3); any other
 * node links with the seed's `kho,recursive-fdt` page list. `property` and
 * `blobSize` override that.
 */
export function linkLayouts(spec: BuildSpec, rootOf: ReadonlyMap<string, RootSpec>): LinkLayout[] {
  return spec.links.map((link) => {
    const root = rootOf.get(link.from);
    const mainline =
      root !== undefined &&
      root.scheme !== 'draft' &&
      root.fragment === link.from &&
      (pathNames(link.node)?.length ?? 0) === 1;
    const version = root && root.scheme !== 'draft' ? Number(root.scheme.slice('kho-v'.length)) : 0;
    const property =
      link.property ?? (mainline ? (version === 1 ? 'fdt' : 'preserved-data') : DRAFT_PAGE_LIST_PROPERTY);
    const kind = property === DRAFT_PAGE_LIST_PROPERTY ? 'page-list' : 'address';
    const blobSize =
      link.blobSize !== undefined
        ? link.blobSize
        : property === 'preserved-data' && mainline && version >= 3
          ? 'auto'
          : null;
    return { link, property, kind, blobSize };
  });
}

/** Where a link's target ended up, as far as its pointer is concerned. */
export interface TargetPlace {
  pages: number[];
  address: number;
  size: number;
}

/**
 * The tree of fragment `id` with the pointers of its links written in:
 * missing owner nodes are created (with their parents), `blob-size` goes
 * before the pointer as the kernel writes them, other pointers last.
 */
export function documentWithLinks(
  id: string,
  doc: FdtDocument,
  layouts: readonly LinkLayout[],
  placeOf: (fragment: string) => TargetPlace,
): FdtDocument {
  let root = doc.root;
  for (const layout of layouts) {
    if (layout.link.from !== id) continue;
    const { link } = layout;
    const target = link.to === null ? null : placeOf(link.to);
    const value =
      layout.kind === 'page-list'
        ? u64List(link.pointer ?? target!.pages, link.order)
        : u64(link.pointer ? link.pointer[0] : target!.address);
    const properties: FdtProperty[] = [];
    if (layout.blobSize !== null)
      properties.push({
        name: 'blob-size',
        value: u64(layout.blobSize === 'auto' ? (target?.size ?? 0) : layout.blobSize),
      });
    properties.push({ name: layout.property, value });
    root = withPointer(root, pathNames(link.node) ?? [], properties, `links: ${id}:${link.node}`);
  }
  return { ...doc, root };
}

function withPointer(node: FdtNode, names: string[], properties: FdtProperty[], where: string): FdtNode {
  if (names.length === 0) {
    for (const property of properties) {
      if (node.properties.some((p) => p.name === property.name))
        throw new SpecError(where, `the node already has a ${property.name} property`);
    }
    return { ...node, properties: [...node.properties, ...properties] };
  }
  const [name, ...rest] = names;
  const index = node.children.findIndex((child) => child.name === name);
  const child = index >= 0 ? node.children[index] : { name, properties: [], children: [] };
  const children = [...node.children];
  if (index >= 0) children[index] = withPointer(child, rest, properties, where);
  else children.push(withPointer(child, rest, properties, where));
  return { ...node, children };
}
