import { beforeAll, describe, expect, it } from 'vitest';
import type { KhoGraph } from '../../../core/kho';
import type { PhysRange } from '../../../core/mem';
import { seedExampleGraph, showcaseGraph } from '../graph/testing/exampleGraphs';
import { LaneIndex } from './LaneIndex';
import type { MemoryItem, MemoryLane } from './MemoryItem';
import { memoryLanes } from './memoryLanes';
import { selectionPlace } from './selectionPlace';

function lane(lanes: MemoryLane[], id: string): MemoryLane {
  const found = lanes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no lane ${id}`);
  return found;
}

describe('memory map model', () => {
  let showcase: KhoGraph;
  let ram: readonly PhysRange[];
  let lanes: MemoryLane[];
  beforeAll(async () => {
    const example = await showcaseGraph();
    showcase = example.graph;
    ram = example.ramRanges;
    lanes = memoryLanes(showcase, ram);
  });

  it('has lanes for RAM, fragments, the preserved ranges of each map, map pages, structures, data and reserve-mem', () => {
    expect(lanes.map((l) => l.id)).toEqual([
      'ram',
      'fragments',
      'preserved:0x23a000',
      ...[0, 2, 4, 9, 10].map((order) => `preserved:0x23a000:order-${order}`),
      'map-pages',
      'structures',
      'data',
      'reserve-mem',
    ]);
    expect(lane(lanes, 'ram').items.map((i) => i.kind)).toEqual(['ram', 'hole', 'ram', 'hole', 'ram', 'hole', 'ram']);
  });

  it('draws each page of a page-list fragment, coloured like its card, and the unread pages of a dangling link', () => {
    const fragments = lane(lanes, 'fragments').items;
    const node1 = fragments.filter((i) => i.fragment === '0x40003000');
    expect(node1.map((i) => [i.start, i.end, i.detail.slice(0, 11)])).toEqual([
      [0x4000_3000, 0x4000_4000, 'page 1 of 2'],
      [0x4000_5000, 0x4000_6000, 'page 2 of 2'],
    ]);
    expect(node1[0].hue).toBe(node1[1].hue);
    expect(node1[0].selection).toEqual({ kind: 'fragment', fragment: '0x40003000' });
    const unread = fragments.filter((i) => i.kind === 'unread');
    expect(unread.map((i) => i.start)).toEqual([0x3000_0000, 0x4000_8000]);
    expect(unread[0].selection).toEqual({ kind: 'link', link: '0x40000000:/broken:kho,recursive-fdt' });
  });

  it('lists what the map preserves and its own pages, and the described data', () => {
    const root = showcase.roots[0];
    const preserved = lane(lanes, 'preserved:0x23a000').items;
    expect(preserved).toHaveLength(root.map!.ranges.pairs.length / 2);
    expect(preserved[0].selection).toEqual({
      kind: 'memory',
      address: preserved[0].start,
      length: preserved[0].end - preserved[0].start,
    });
    for (const { order, ranges } of root.map!.rangesByOrder) {
      const items = lane(lanes, `preserved:0x23a000:order-${order}`).items;
      expect(items.map((i) => [i.start, i.end])).toEqual(ranges.toArray().map((r) => [r.start, r.end]));
      expect(items.every((i) => i.label === `order ${order} preserved by root 0x23a000` && i.hue !== null)).toBe(true);
    }
    expect(lane(lanes, 'map-pages').items.map((i) => i.start)).toEqual(root.map!.metadataPages);
    expect(lane(lanes, 'reserve-mem').items.map((i) => [i.label, i.start, i.end])).toEqual([
      ['reserve-mem demo2', 0x1ee0_0000, 0x1f00_0000],
      ['reserve-mem demo1', 0x1f00_0000, 0x1f40_0000],
      // The seed's memblock fragment reserves memory past the image's RAM.
      ['reserve-mem n2', 0x4_67c0_0000, 0x4_6bc0_0000],
      ['reserve-mem n1', 0x4_6bc0_0000, 0x4_6fc0_0000],
    ]);
    expect(lane(lanes, 'data').items.some((i) => i.label.startsWith('kho_test folio'))).toBe(true);
    expect(lane(lanes, 'structures').items.some((i) => i.label.startsWith('vmalloc chunk page'))).toBe(true);
  });

  it('finds items by address, long ones included, and the narrowest under a point', () => {
    const item = (start: number, end: number): MemoryItem => ({
      start,
      end,
      kind: 'data',
      label: `${start}`,
      detail: '',
      selection: { kind: 'memory', address: start, length: end - start },
      hue: null,
      fragment: null,
    });
    const index = new LaneIndex([item(0, 1000), item(10, 20), item(30, 40), item(500, 501)]);
    expect(index.query(25, 35)).toEqual([0, 2]);
    expect(index.query(2000, 3000)).toEqual([]);
    expect(index.at(15)?.label).toBe('10');
    expect(index.at(100)?.label).toBe('0');
    expect(index.at(502, 4)?.label).toBe('0');
    expect(new LaneIndex([item(500, 501)]).at(502, 4)?.label).toBe('500');
  });

  it('places selections in memory', async () => {
    const seed = (await seedExampleGraph()).graph;
    expect(selectionPlace({ kind: 'property', fragment: '0x40003000', node: '/', property: 'key5' }, seed)).toEqual({
      fragment: '0x40003000',
      ranges: [
        { start: 0x4000_3000, end: 0x4000_4000 },
        { start: 0x4000_5000, end: 0x4000_6000 },
      ],
    });
    expect(selectionPlace({ kind: 'link', link: '0x40000000:/broken:kho,recursive-fdt' }, showcase)?.ranges).toEqual([
      { start: 0x4000_8000, end: 0x4000_9000 },
      { start: 0x3000_0000, end: 0x3000_1000 },
    ]);
    expect(selectionPlace({ kind: 'memory', address: 5, length: 0 }, seed)).toEqual({
      fragment: null,
      ranges: [{ start: 5, end: 6 }],
    });
  });
});
