import { beforeAll, describe, expect, it } from 'vitest';
import type { Fragment, KhoGraph } from '../../../core/kho';
import { seedExampleGraph, showcaseGraph } from '../graph/testing/exampleGraphs';
import { byteOwners, ownerAt } from './byteOwners';
import { FragmentAddressIndex } from './fragmentAddresses';
import { fragmentRegion, memoryRegion, regionForSelection } from './HexRegion';
import { HexRowModel, regionAddress } from './hexRows';
import { highlightAt, selectionHighlights } from './selectionHighlights';

const PS = 4096;

function fragment(graph: KhoGraph, id: string): Fragment {
  return graph.fragments.find((candidate) => candidate.id === id)!;
}

describe('hex view model', () => {
  let seed: KhoGraph;
  let showcase: KhoGraph;
  beforeAll(async () => {
    seed = (await seedExampleGraph()).graph;
    showcase = (await showcaseGraph()).graph;
  });

  describe('regions and rows', () => {
    it('shows a page-list fragment page by page in list order, naming each page and the jump between them', () => {
      const region = fragmentRegion(fragment(seed, '0x40003000'));
      expect(region.segments.map((s) => [s.offset, s.address, s.label])).toEqual([
        [0, 0x4000_3000, 'page 1 of 2 at 0x40003000'],
        [PS, 0x4000_5000, 'page 2 of 2 at 0x40005000, not after the previous page (skips 4.0 KiB)'],
      ]);
      const rows = new HexRowModel(region, PS);
      const total = fragment(seed, '0x40003000').bytes.length;
      expect(rows.count).toBe(2 + Math.ceil(PS / 16) + Math.ceil((total - PS) / 16));
      expect(rows.row(0)).toEqual({ kind: 'divider', label: 'page 1 of 2 at 0x40003000', address: 0x4000_3000 });
      expect(rows.row(1)).toEqual({ kind: 'bytes', start: 0, label: 0x4000_3000, physical: true, first: 0, end: 16 });
      const second = 1 + PS / 16;
      expect(rows.row(second)).toMatchObject({ kind: 'divider', address: 0x4000_5000 });
      expect(rows.row(second + 1)).toMatchObject({ start: PS, label: 0x4000_5000 });
      expect(rows.rowOf(PS + 20)).toBe(second + 2);
      expect(regionAddress(region, PS + 20)).toBe(0x4000_5014);
    });

    it('aligns memory rows to 16-byte addresses and marks every page boundary', () => {
      const region = memoryRegion(0x1ff8, 0x20);
      const rows = new HexRowModel(region, PS);
      expect([0, 1, 2, 3].map((i) => rows.row(i))).toEqual([
        { kind: 'divider', label: '0x1ff8, physical memory', address: 0x1ff8 },
        { kind: 'bytes', start: -8, label: 0x1ff0, physical: true, first: 0, end: 8 },
        { kind: 'divider', label: 'page 0x2000', address: 0x2000 },
        { kind: 'bytes', start: 8, label: 0x2000, physical: true, first: 8, end: 24 },
      ]);
      expect(rows.count).toBe(5);
      expect(rows.rowOf(0)).toBe(1);
      expect(rows.rowOf(30)).toBe(4);
    });

    it('shows a file (debugfs) by offsets', () => {
      const file = {
        ...fragment(seed, '0x40001000'),
        location: { kind: 'file' as const, path: 'sub_fdts/memblock', length: 300 },
      };
      const rows = new HexRowModel(fragmentRegion(file), PS);
      expect(rows.row(2)).toMatchObject({ kind: 'bytes', start: 16, label: 16, physical: false });
    });

    it('follows the selection to a region: fragment, link target, unread target page, memory', () => {
      expect(
        regionForSelection(seed, { kind: 'property', fragment: '0x40002000', node: '/', property: 'key1' })?.key,
      ).toBe('fragment:0x40002000');
      expect(regionForSelection(seed, { kind: 'link', link: seed.links[2].id })?.key).toBe('fragment:0x40003000');
      expect(regionForSelection(showcase, { kind: 'link', link: '0x40000000:/broken:kho,recursive-fdt' })?.key).toBe(
        `memory:${0x4000_8000}:${PS}`,
      );
      expect(regionForSelection(showcase, { kind: 'memory', address: 0x1000, length: 64 })?.segments).toEqual([
        { offset: 0, length: 64, address: 0x1000, label: '0x1000, physical memory' },
      ]);
      expect(memoryRegion(0, 2 ** 30).truncated).toBe(2 ** 30 - 8 * 1024 * 1024);
    });
  });

  describe('byte owners', () => {
    it('covers every byte of an FDT once, in order', () => {
      for (const candidate of [...seed.fragments, ...showcase.fragments]) {
        const spans = byteOwners(candidate);
        expect(spans[0]?.start ?? 0).toBe(0);
        for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBe(spans[i - 1].end);
        expect(spans[spans.length - 1]?.end ?? 0).toBe(candidate.bytes.length);
      }
    });

    it('gives the header, each node name and each property (token and value) to their owners', () => {
      const gpu = fragment(seed, '0x40002000');
      const spans = byteOwners(gpu);
      expect(ownerAt(spans, 0)).toMatchObject({
        part: 'header',
        selection: { kind: 'fragment', fragment: '0x40002000' },
      });
      if (gpu.content?.kind !== 'fdt') throw new Error('gpu is an FDT');
      const node2 = gpu.content.root.children.find((node) => node.name === 'node2')!;
      expect(ownerAt(spans, node2.offset + 4)).toMatchObject({
        part: 'node',
        selection: { kind: 'node', node: '/node2' },
      });
      const key3 = node2.properties[0];
      const owner = ownerAt(spans, key3.valueOffset)!;
      expect(owner).toMatchObject({
        part: 'property',
        selection: { kind: 'property', node: '/node2', property: 'key3' },
        valueStart: key3.valueOffset,
      });
      expect(ownerAt(spans, key3.offset)).toBe(owner);
      expect(new TextDecoder().decode(gpu.bytes.subarray(owner.valueStart!, owner.end)).replace(/\0+$/, '')).toBe('v3');
      // The END_NODE after node2's last property is node2's too.
      const last = ownerAt(spans, node2.properties[node2.properties.length - 1].offset)!;
      expect(ownerAt(spans, last.end)).toMatchObject({ selection: { kind: 'node', node: '/node2' } });
      expect(ownerAt(spans, last.end + 4)).not.toMatchObject({ selection: { node: '/node2' } });
    });

    it('gives raw-struct bytes to their fields', () => {
      const luo = fragment(showcase, '0x1844000');
      expect(ownerAt(byteOwners(luo), 8)).toMatchObject({
        part: 'field',
        selection: { kind: 'property', node: '', property: 'liveupdate_num' },
      });
    });

    it('finds the fragment and offset behind a physical address, page lists included', () => {
      const index = new FragmentAddressIndex(seed.fragments);
      expect(index.at(0x4000_5010)).toEqual({ fragment: '0x40003000', offset: PS + 0x10 });
      expect(index.at(0x4000_4000)).toBeNull();
      expect(index.at(0x4000_2004)).toEqual({ fragment: '0x40002000', offset: 4 });
    });
  });

  describe('highlights', () => {
    const owners = (f: Fragment) => byteOwners(f);

    it('marks a property value strong and its token soft', () => {
      const gpu = fragment(seed, '0x40002000');
      const region = fragmentRegion(gpu);
      const highlights = selectionHighlights(
        { kind: 'property', fragment: gpu.id, node: '/', property: 'key1' },
        region,
        seed,
        owners,
      );
      if (gpu.content?.kind !== 'fdt') throw new Error('gpu is an FDT');
      const key1 = gpu.content.root.properties.find((p) => p.name === 'key1')!;
      expect(highlightAt(highlights, key1.valueOffset)).toBe('strong');
      expect(highlightAt(highlights, key1.offset)).toBe('soft');
      expect(highlightAt(highlights, key1.valueOffset + key1.raw.length)).toBeNull();
    });

    it('finds a page-list property in a memory region through its physical pages', () => {
      const node1 = fragment(seed, '0x40003000');
      if (node1.content?.kind !== 'fdt') throw new Error('node1 is an FDT');
      const late = node1.content.root.properties.find((p) => p.valueOffset > PS)!;
      const region = memoryRegion(0x4000_5000, PS);
      const highlights = selectionHighlights(
        { kind: 'property', fragment: node1.id, node: '/', property: late.name },
        region,
        seed,
        owners,
      );
      expect(highlights).toContainEqual({
        start: late.valueOffset - PS,
        end: late.valueOffset - PS + late.raw.length,
        strength: 'strong',
      });
    });

    it('marks the byte a diagnostic points at, and a memory range', () => {
      const memblock = fragment(showcase, '0x1847000');
      const index = showcase.diagnostics.findIndex((d) => d.code === 'bad-property-length');
      const offset = showcase.diagnostics[index].location.offset!;
      const highlights = selectionHighlights({ kind: 'diagnostic', index }, fragmentRegion(memblock), showcase, owners);
      expect(highlightAt(highlights, offset)).toBe('strong');
      expect(
        selectionHighlights(
          { kind: 'memory', address: 0x1847010, length: 4 },
          fragmentRegion(memblock),
          showcase,
          owners,
        ),
      ).toEqual([{ start: 0x10, end: 0x14, strength: 'strong' }]);
    });
  });
});
