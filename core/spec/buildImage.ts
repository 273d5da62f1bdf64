import type { FdtDocument, FdtProperty } from '../fdt/FdtDocument';
import { writeFdt } from '../fdt/writeFdt';
import { KhoImageBuilder } from '../build/KhoImageBuilder';
import { cstring, u64 } from '../bytes/encoders';
import { writeEncodedMap } from '../kho/maps/EncodedMap';
import { encodeChunkList } from '../kho/maps/encodeChunkList';
import { encodeRadixTree } from '../kho/maps/encodeRadixTree';
import { splitEachIntoBlocks } from '../kho/maps/splitIntoBlocks';
import type { FragmentLocation } from '../kho/model/FragmentLocation';
import type { PhysRange } from '../mem/PhysicalMemory';
import type { SparseMemory } from '../mem/SparseMemory';
import { pagesTouched } from '../edit/reencode/rangeMath';
import type { BuildSpec, FragmentSpec, RootSpec } from './BuildSpec';
import { encodeStructFragment, structSize } from './encodeStructFragment';
import { documentWithLinks, linkLayouts, type LinkLayout, type TargetPlace } from './linkPointers';
import { SpecAllocator } from './SpecAllocator';
import { SpecError } from './SpecError';

/** An image built from a spec: its memory, where its roots are, and where every fragment went. */
export interface BuiltImage {
  memory: SparseMemory;
  /** Address of each root (its page, or its first anchor page), in spec order. */
  roots: number[];
  locations: Map<string, FragmentLocation>;
}

/**
 * Builds the image a spec describes (docs/build-spec.md, "How an image is
 * built"): sizes first (children before parents, since a page list's length
 * is its target's page count), then placement (hints pinned first, the rest
 * taken lowest page first, in spec order), then the bytes of every
 * fragment with real addresses, each root's map over the memory its tree
 * preserves, the roots, and last the patches. The same spec always gives
 * the same bytes.
 */
export function buildImage(spec: BuildSpec): BuiltImage {
  const ps = spec.pageSize;
  const builder = new KhoImageBuilder({ pageSize: ps, ram: spec.ram });
  const alloc = new SpecAllocator(builder.memory, ps);
  const rootOf = rootsOfFragments(spec);
  const layouts = linkLayouts(spec, rootOf);
  const anchoredRoots = new Set(spec.roots.filter((root) => root.anchor).map((root) => root.fragment));
  const onPages = (id: string) =>
    anchoredRoots.has(id) || layouts.some((layout) => layout.kind === 'page-list' && layout.link.to === id);
  const sizes = fragmentSizes(spec, layouts, onPages);

  for (const item of spec.data) {
    builder.placeBytes(item.at, item.bytes);
    alloc.claim(item.at, item.bytes.length);
  }
  for (const root of spec.roots)
    for (const page of root.anchor?.pages ?? []) alloc.pin(page, ps, `roots: anchor page of ${root.fragment}`);
  const locations = new Map<string, FragmentLocation>();
  for (const [id, fragment] of spec.fragments) {
    const size = sizes.get(id)!;
    if (fragment.pages) {
      fragment.pages.forEach((page) => alloc.pin(page, ps, `fragments.${id}.pages`));
      locations.set(id, { kind: 'pages', pages: fragment.pages, pageSize: ps, length: size });
    } else if (fragment.at !== undefined) {
      if (onPages(id))
        throw new SpecError(
          `fragments.${id}.at`,
          'a page list links to this fragment, so it lives on pages: give "pages" instead',
        );
      alloc.pin(fragment.at, size, `fragments.${id}.at`);
      locations.set(id, { kind: 'contiguous', address: fragment.at, length: size });
    }
  }
  for (const [id] of spec.fragments) {
    if (locations.has(id)) continue;
    const size = sizes.get(id)!;
    const count = Math.max(1, Math.ceil(size / ps));
    locations.set(
      id,
      onPages(id)
        ? { kind: 'pages', pages: Array.from({ length: count }, () => alloc.page()), pageSize: ps, length: size }
        : { kind: 'contiguous', address: alloc.run(count), length: size },
    );
  }

  const placeOf = (id: string): TargetPlace => {
    const location = locations.get(id)!;
    const pages =
      location.kind === 'pages'
        ? location.pages
        : location.kind === 'contiguous'
          ? pagesTouched({ start: location.address, end: location.address + location.length }, ps)
          : [];
    return { pages, address: location.kind === 'contiguous' ? location.address : pages[0], size: location.length };
  };
  const preserved = new Map<string, PhysRange[]>(spec.roots.map((root) => [root.fragment, []]));
  const preserve = (id: string, range: PhysRange) => {
    const root = rootOf.get(id);
    if (root && root.scheme !== 'draft') preserved.get(root.fragment)!.push(range);
  };
  const rootFragments = new Set(spec.roots.map((root) => root.fragment));
  for (const [id, fragment] of spec.fragments) {
    if (rootFragments.has(id)) continue;
    const { bytes, extras } = fragmentBytes(id, fragment, layouts, placeOf, alloc, sizes);
    place(builder, locations.get(id)!, bytes);
    if (fragment.preserve !== false) for (const range of extentsOf(locations.get(id)!, ps)) preserve(id, range);
    for (const extra of extras) {
      builder.placeBytes(extra.at, extra.bytes);
      preserve(id, { start: extra.at, end: extra.at + extra.bytes.length });
    }
  }
  for (const item of spec.preserve) preserved.get(item.root)!.push({ start: item.start, end: item.end });
  const roots = spec.roots.map((root) =>
    placeRoot(
      builder,
      alloc,
      root,
      spec,
      layouts,
      placeOf,
      locations.get(root.fragment)!,
      preserved.get(root.fragment)!,
    ),
  );
  for (const patch of spec.patches) builder.memory.write(patch.at, patch.bytes);
  return { memory: builder.memory, roots, locations };
}

/** The first root reaching each fragment through the links (breadth-first, roots in spec order). */
function rootsOfFragments(spec: BuildSpec): Map<string, RootSpec> {
  const rootOf = new Map<string, RootSpec>();
  for (const root of spec.roots) {
    const queue = [root.fragment];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (rootOf.has(id)) continue;
      rootOf.set(id, root);
      for (const link of spec.links) if (link.from === id && link.to !== null) queue.push(link.to);
      const fragment = spec.fragments.get(id);
      if (fragment?.kind === 'luo-ser')
        for (const session of fragment.sessions ?? [])
          for (const file of session.files) if (typeof file.data === 'string') queue.push(file.data);
    }
  }
  return rootOf;
}

/**
 * Every fragment's size, children first: an FDT's page lists are as long as
 * their targets' page counts, so a target is sized before its parent. A
 * cycle of links has no such order and is refused.
 */
function fragmentSizes(
  spec: BuildSpec,
  layouts: readonly LinkLayout[],
  onPages: (id: string) => boolean,
): Map<string, number> {
  const sizes = new Map<string, number>();
  const visiting = new Set<string>();
  const sizeOf = (id: string): number => {
    const known = sizes.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id))
      throw new SpecError(
        `fragments.${id}`,
        'the links form a cycle, which has no order to build in: give one link a "pointer" instead of "to"',
      );
    visiting.add(id);
    const fragment = spec.fragments.get(id)!;
    let size: number;
    if (fragment.kind === 'fdt') {
      const stand: TargetPlace = { pages: [], address: 0, size: 0 };
      const placeOf = (target: string): TargetPlace => {
        const targetSize = sizeOf(target);
        const hinted = spec.fragments.get(target)!.pages?.length;
        const count = hinted ?? (onPages(target) ? Math.max(1, Math.ceil(targetSize / spec.pageSize)) : 1);
        return { ...stand, pages: new Array<number>(count).fill(0), size: targetSize };
      };
      size = writeFdt(rootDocument(id, documentWithLinks(id, fragment.document, layouts, placeOf), spec, 0)).length;
    } else if (fragment.kind === 'raw') {
      size = fragment.bytes.length;
    } else {
      size = structSize(fragment);
    }
    visiting.delete(id);
    sizes.set(id, size);
    return size;
  };
  for (const id of spec.fragments.keys()) sizeOf(id);
  return sizes;
}

/** A non-root fragment's bytes with real addresses, and the pages it keeps elsewhere. */
function fragmentBytes(
  id: string,
  fragment: FragmentSpec,
  layouts: readonly LinkLayout[],
  placeOf: (id: string) => TargetPlace,
  alloc: SpecAllocator,
  sizes: ReadonlyMap<string, number>,
): { bytes: Uint8Array; extras: { at: number; bytes: Uint8Array }[] } {
  const encoded =
    fragment.kind === 'fdt'
      ? { bytes: writeFdt(documentWithLinks(id, fragment.document, layouts, placeOf)), extras: [] }
      : fragment.kind === 'raw'
        ? { bytes: fragment.bytes, extras: [] }
        : encodeStructFragment(id, fragment, alloc, (target) => placeOf(target).address);
  if (encoded.bytes.length !== sizes.get(id))
    throw new SpecError(`fragments.${id}`, 'its size changed between layout and encoding');
  return encoded;
}

/**
 * A root's tree as the kernel writes it: `compatible` first (the scheme's,
 * unless the tree has one), then `preserved-memory-map` when the root has a
 * map, then the rest. Other fragments are returned as they are.
 */
function rootDocument(id: string, doc: FdtDocument, spec: BuildSpec, mapAddress: number): FdtDocument {
  const root = spec.roots.find((r) => r.fragment === id);
  if (!root) return doc;
  const own = doc.root.properties;
  const head: FdtProperty[] = [
    own.find((p) => p.name === 'compatible') ?? { name: 'compatible', value: cstring(root.compatible) },
  ];
  if (root.map !== 'none') head.push({ name: 'preserved-memory-map', value: u64(mapAddress) });
  return {
    ...doc,
    root: {
      ...doc.root,
      properties: [...head, ...own.filter((p) => p.name !== 'compatible' && p.name !== 'preserved-memory-map')],
    },
  };
}

/** Writes a root: its map over everything its tree preserves (root page included), then its tree, on its page or anchor chain. */
function placeRoot(
  builder: KhoImageBuilder,
  alloc: SpecAllocator,
  root: RootSpec,
  spec: BuildSpec,
  layouts: readonly LinkLayout[],
  placeOf: (id: string) => TargetPlace,
  location: FragmentLocation,
  preserved: PhysRange[],
): number {
  const ps = spec.pageSize;
  if (root.preserveRoot) preserved.push(...extentsOf(location, ps));
  let mapAddress = root.mapPointer ?? 0;
  if (root.mapPointer === null && (root.map === 'chunk-list' || root.map === 'radix-tree')) {
    // Each allocation gets its own entries, as the kernel preserves each on its own: merged, the blocks of
    // neighbours would fuse into larger ones the next kernel cannot restore (docs/preserved-memory.md).
    const blocks = splitEachIntoBlocks(preserved, ps);
    const allocate = () => alloc.page();
    const encoded =
      root.map === 'radix-tree'
        ? encodeRadixTree(blocks, ps, allocate)
        : encodeChunkList(blocks, ps, root.chunkBitmapBytes, allocate);
    writeEncodedMap(builder.memory, encoded);
    mapAddress = encoded.root;
  }
  const fragment = spec.fragments.get(root.fragment)!;
  if (fragment.kind !== 'fdt') throw new SpecError(`roots: ${root.fragment}`, 'a root must be an FDT fragment');
  const bytes = writeFdt(
    rootDocument(
      root.fragment,
      documentWithLinks(root.fragment, fragment.document, layouts, placeOf),
      spec,
      mapAddress,
    ),
  );
  if (bytes.length !== location.length)
    throw new SpecError(`fragments.${root.fragment}`, 'its size changed between layout and encoding');
  place(builder, location, bytes);
  if (root.anchor) {
    if (location.kind !== 'pages') throw new SpecError(`roots: ${root.fragment}`, 'an anchored root lives on pages');
    builder.placeAnchorChain(root.anchor.pages, location.pages, bytes.length, root.anchor.perAnchor ?? undefined);
    return root.anchor.pages[0];
  }
  return location.kind === 'contiguous' ? location.address : location.kind === 'pages' ? location.pages[0] : 0;
}

function place(builder: KhoImageBuilder, location: FragmentLocation, bytes: Uint8Array): void {
  if (location.kind === 'contiguous') builder.placeBytes(location.address, bytes);
  else if (location.kind === 'pages') builder.placeFdtOnPages(location.pages, bytes);
}

/** Whole pages a fragment occupies. */
function extentsOf(location: FragmentLocation, ps: number): PhysRange[] {
  if (location.kind === 'contiguous')
    return [{ start: location.address, end: location.address + Math.max(1, location.length) }];
  if (location.kind === 'pages') return location.pages.map((page) => ({ start: page, end: page + ps }));
  return [];
}
