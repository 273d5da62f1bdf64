import type { Fragment, KhoGraph, KhoRoot } from '../../../core/kho';
import type { PhysRange } from '../../../core/mem';
import type { Selection } from '../../model/Selection';
import { formatHex } from '../../format/formatHex';
import { formatSize } from '../../format/formatSize';
import { fragmentHue } from './fragmentHue';
import { orderHue } from './orderHue';
import type { MemoryItem, MemoryItemKind, MemoryLane } from './MemoryItem';

/**
 * Everything the graph knows about physical memory, as lanes of bars:
 * RAM (and the holes between), fragments (each page of a page list, and
 * the unread targets of links), the ranges each root's map preserves (all
 * orders merged, then one sub-lane per block order), the map's own pages, side structures (vmalloc chunk pages, block pages,
 * anchor pages), the data they describe (vmalloc pieces, test and memfd
 * folios), reserve-mem ranges and scratch areas. Empty lanes are left out
 * (RAM stays).
 */
export function memoryLanes(graph: KhoGraph, ramRanges: readonly PhysRange[]): MemoryLane[] {
  const pageSize = graph.source.pageSize;
  const lanes: MemoryLane[] = [
    {
      id: 'ram',
      label: 'RAM',
      title: 'RAM ranges of the image, and the holes between them',
      items: ramItems(ramRanges),
    },
  ];
  lanes.push({
    id: 'fragments',
    label: 'Fragments',
    title: 'Bytes of each fragment (whole pages for page lists), and link targets that could not be read',
    items: fragmentItems(graph),
  });
  graph.roots.forEach((root) => {
    if (!root.map || root.map.status === 'no-map-yet') return;
    lanes.push({
      id: `preserved:${root.fragment}`,
      label: `Preserved ${shortRoot(root)}`,
      title: `Ranges the preserved-memory map of root ${root.fragment} marks preserved`,
      items: preservedItems(root),
    });
    const mapPageSize = root.map.pageSize;
    for (const { order, ranges } of root.map.rangesByOrder) {
      lanes.push({
        id: `preserved:${root.fragment}:order-${order}`,
        label: `order ${order}`,
        nested: true,
        title: `Blocks of order ${order} (${formatSize(mapPageSize * 2 ** order)} each) in the map of root ${root.fragment}`,
        items: orderItems(root, order, ranges.pairs, mapPageSize),
      });
    }
  });
  lanes.push({
    id: 'map-pages',
    label: 'Map pages',
    title: 'Pages of the preserved-memory maps themselves (chunks, bitmaps, radix nodes)',
    items: mapPageItems(graph.roots),
  });
  lanes.push({
    id: 'structures',
    label: 'Structures',
    title: 'vmalloc chunk pages, KHO block pages and anchor pages',
    items: structureItems(graph, pageSize),
  });
  lanes.push({
    id: 'data',
    label: 'Described data',
    title: 'Memory the structures and users describe: vmalloc pieces, kho_test and memfd folios',
    items: dataItems(graph, pageSize),
  });
  lanes.push({
    id: 'reserve-mem',
    label: 'reserve-mem',
    title: 'reserve_mem= regions handed over by memblock',
    items: reserveMemItems(graph),
  });
  lanes.push({
    id: 'scratch',
    label: 'Scratch',
    title: 'KHO scratch areas',
    items: graph.scratchAreas.map((area) =>
      item(
        area.address,
        area.address + area.size,
        'scratch',
        `scratch area ${area.id}`,
        `${formatSize(area.size)}, from ${area.source}`,
      ),
    ),
  });
  return lanes
    .filter((lane) => lane.id === 'ram' || lane.items.length > 0)
    .map((lane) => ({
      ...lane,
      items: lane.items.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end),
    }));
}

function memory(start: number, end: number): Selection {
  return { kind: 'memory', address: start, length: end - start };
}

function item(start: number, end: number, kind: MemoryItemKind, label: string, detail: string): MemoryItem {
  return { start, end, kind, label, detail, selection: memory(start, end), hue: null, fragment: null };
}

function ramItems(ranges: readonly PhysRange[]): MemoryItem[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const items: MemoryItem[] = [];
  sorted.forEach((range, i) => {
    const previous = sorted[i - 1];
    if (previous && range.start > previous.end)
      items.push(
        item(previous.end, range.start, 'hole', 'hole: not in the image', formatSize(range.start - previous.end)),
      );
    items.push(item(range.start, range.end, 'ram', 'RAM', formatSize(range.end - range.start)));
  });
  return items;
}

function fragmentItems(graph: KhoGraph): MemoryItem[] {
  const items: MemoryItem[] = [];
  graph.fragments.forEach((fragment, index) => {
    const what = `fragment ${fragment.id}${fragment.compatible ? ` (${fragment.compatible})` : ` (${fragment.format})`}`;
    for (const [start, end, detail] of fragmentExtents(fragment)) {
      items.push({
        start,
        end,
        kind: 'fragment',
        label: what,
        detail,
        selection: { kind: 'fragment', fragment: fragment.id },
        hue: fragmentHue(index),
        fragment: fragment.id,
      });
    }
  });
  for (const link of graph.links) {
    if (link.to !== null) continue;
    link.addresses.forEach((address, i) => {
      const end =
        address + (link.addresses.length > 1 ? graph.source.pageSize : Math.max(1, link.size ?? graph.source.pageSize));
      const detail =
        link.addresses.length > 1 ? `page ${i + 1} of ${link.addresses.length} of the list` : formatSize(end - address);
      items.push({
        start: address,
        end,
        kind: 'unread',
        label: `not read: target of ${link.id}`,
        detail,
        selection: { kind: 'link', link: link.id },
        hue: null,
        fragment: null,
      });
    });
  }
  return items;
}

/** A fragment's bytes in memory with a detail line each: the range, or each listed page (whole). */
function fragmentExtents(fragment: Fragment): [number, number, string][] {
  const location = fragment.location;
  switch (location.kind) {
    case 'contiguous':
      return [[location.address, location.address + Math.max(1, location.length), formatSize(location.length)]];
    case 'pages':
      return location.pages.map((page, i): [number, number, string] => [
        page,
        page + location.pageSize,
        `page ${i + 1} of ${location.pages.length} of its page list, ${formatSize(fragment.size)} in all`,
      ]);
    case 'file':
      return [];
  }
}

function shortRoot(root: KhoRoot): string {
  return root.fragment ?? (root.address === null ? '' : formatHex(root.address));
}

function preservedItems(root: KhoRoot): MemoryItem[] {
  const map = root.map!;
  // `pairs` survives a structured clone even when the PreservedRanges class does not.
  const pairs = map.ranges.pairs;
  const orders = map.blocksPerOrder
    .map((count, order) => (count > 0 ? `${count}×order ${order}` : null))
    .filter((part) => part !== null);
  const summary = `map of ${shortRoot(root)} (${map.encoding}, ${map.status}): ${orders.join(', ') || 'no blocks'}`;
  const items: MemoryItem[] = [];
  for (let i = 0; i < pairs.length; i += 2)
    items.push(
      item(
        pairs[i],
        pairs[i + 1],
        'preserved',
        `preserved by root ${shortRoot(root)}`,
        `${formatSize(pairs[i + 1] - pairs[i])}; ${summary}`,
      ),
    );
  return items;
}

/** The ranges of one block order, coloured by order (`pairs` because it survives a structured clone). */
function orderItems(root: KhoRoot, order: number, pairs: Float64Array, pageSize: number): MemoryItem[] {
  const blockSize = pageSize * 2 ** order;
  const items: MemoryItem[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const bytes = pairs[i + 1] - pairs[i];
    const detail = `${formatSize(bytes)}: ${bytes / blockSize} block${bytes === blockSize ? '' : 's'} of ${formatSize(blockSize)}`;
    items.push({
      ...item(pairs[i], pairs[i + 1], 'preserved', `order ${order} preserved by root ${shortRoot(root)}`, detail),
      hue: orderHue(order),
    });
  }
  return items;
}

function mapPageItems(roots: readonly KhoRoot[]): MemoryItem[] {
  return roots.flatMap((root) => {
    const map = root.map;
    if (!map) return [];
    const what = map.encoding === 'radix-tree' ? 'radix tree page' : 'chunk list page';
    return map.metadataPages.map((page) =>
      item(
        page,
        page + map.pageSize,
        'map-page',
        `${what} of root ${shortRoot(root)}'s map`,
        'used by the map, not preserved itself',
      ),
    );
  });
}

function structureItems(graph: KhoGraph, pageSize: number): MemoryItem[] {
  const items: MemoryItem[] = [];
  for (const area of graph.vmallocAreas) {
    area.chunks.forEach((page, i) =>
      items.push(
        item(
          page,
          page + pageSize,
          'structure',
          `vmalloc chunk page of ${area.owner.property}`,
          `chunk ${i + 1} of ${area.chunks.length}, area ${area.id}`,
        ),
      ),
    );
  }
  for (const set of graph.blockSets) {
    set.blocks.forEach((block, i) =>
      items.push(
        item(
          block.address,
          block.address + Math.max(1, block.bytes),
          'structure',
          `${set.layout === 'kho-block' ? 'KHO block' : 'array'} of ${set.entry}`,
          `block ${i + 1} of ${set.blocks.length}, ${block.count} entries, set ${set.id}`,
        ),
      ),
    );
  }
  for (const root of graph.roots) {
    const chain = root.anchorChain;
    chain?.anchorPages.forEach((page, i) =>
      items.push(
        item(
          page,
          page + pageSize,
          'structure',
          'KHOANCH1 anchor page',
          `anchor ${i + 1} of ${chain.anchorPages.length}, lists the root FDT's pages`,
        ),
      ),
    );
  }
  return items;
}

function dataItems(graph: KhoGraph, pageSize: number): MemoryItem[] {
  const items: MemoryItem[] = [];
  for (const area of graph.vmallocAreas) {
    const size = pageSize * 2 ** area.order;
    area.pieces.forEach((piece, i) =>
      items.push(
        item(
          piece,
          piece + size,
          'data',
          `vmalloc data of ${area.owner.property}`,
          `piece ${i + 1} of ${area.pieces.length}, order ${area.order}`,
        ),
      ),
    );
  }
  for (const fragment of graph.fragments) {
    const user = fragment.user;
    if (user?.user === 'kho-test') {
      user.folios.forEach((folio, i) =>
        items.push(
          item(
            folio.address,
            folio.address + pageSize * 2 ** folio.order,
            'data',
            `kho_test folio ${i}`,
            `order ${folio.order}, listed by ${fragment.id}`,
          ),
        ),
      );
    } else if (user?.user === 'memfd' || user?.user === 'guest-memfd') {
      const what = user.user === 'memfd' ? 'memfd' : 'guest_memfd';
      user.folios.forEach((folio, i) => {
        if (folio.address !== null)
          items.push(
            item(
              folio.address,
              folio.address + pageSize,
              'data',
              `${what} folio ${i} (file index ${folio.index})`,
              `flags ${formatHex(folio.flags)} (${folio.state.join(', ') || 'clean'}), listed by ${fragment.id}`,
            ),
          );
      });
    }
  }
  return items;
}

function reserveMemItems(graph: KhoGraph): MemoryItem[] {
  const items: MemoryItem[] = [];
  for (const fragment of graph.fragments) {
    if (fragment.user?.user !== 'memblock') continue;
    for (const range of fragment.user.ranges) {
      const size = Number(range.size);
      if (range.start === null || !Number.isSafeInteger(range.start + size)) continue;
      items.push(
        item(
          range.start,
          range.start + size,
          'reserve-mem',
          `reserve-mem ${range.name}`,
          `${formatSize(size)}, node ${range.node} of ${fragment.id}`,
        ),
      );
    }
  }
  return items;
}
