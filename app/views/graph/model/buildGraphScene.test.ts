import { beforeAll, describe, expect, it } from 'vitest';
import type { KhoGraph } from '../../../../core/kho';
import { seedExampleGraph, showcaseGraph } from '../testing/exampleGraphs';
import { syntheticGraph } from '../testing/syntheticGraph';
import { buildGraphScene } from './buildGraphScene';
import { CARD } from './cardGeometry';
import { chipLabel } from './pageChips';
import type { GraphScene } from './GraphScene';

describe('buildGraphScene', () => {
  describe("the seed's worked example", () => {
    let scene: GraphScene;
    beforeAll(async () => {
      scene = buildGraphScene((await seedExampleGraph()).graph);
    });

    it('makes one card per fragment, titled by the path of owner nodes', () => {
      expect(scene.cards.map((card) => [card.id, card.title, card.via])).toEqual([
        ['0x40000000', 'KHO root', null],
        ['0x40001000', '/memblock', 'kho,recursive-fdt'],
        ['0x40002000', '/gpu@0x100000000', 'kho,recursive-fdt'],
        ['0x40003000', '/gpu@0x100000000/node1', 'kho,recursive-fdt'],
      ]);
      expect(scene.roots).toEqual(['0x40000000']);
      expect(scene.byId.get('0x40002000')!.children).toEqual(['0x40003000']);
      expect(scene.byId.get('0x40000000')!.descendants).toBe(3);
    });

    it('nests in-place subnodes inside their card and keeps them apart from linked ones', () => {
      const memblock = scene.byId.get('0x40001000')!;
      expect(memblock.rows.map((row) => [row.label, row.depth])).toEqual([
        ['/', 0],
        ['n1', 1],
        ['n2', 1],
      ]);
      const gpu = scene.byId.get('0x40002000')!;
      expect(gpu.rows.map((row) => [row.key, row.links])).toEqual([
        ['/', 0],
        ['/node1', 1],
        ['/node2', 0],
      ]);
      expect(gpu.properties.map((line) => `${line.name}=${line.text}`)).toEqual(['key1="v1"', 'key2="v2"']);
    });

    it('shows the two pages of node1 as chips with the skipped page between them', () => {
      const node1 = scene.byId.get('0x40003000')!;
      expect(node1.chipLines.flat().map(chipLabel)).toEqual(['0x40003000', 'gap 1 pg', '0x40005000']);
    });

    it('draws each link from the owning row to the target card, labelled with its page list and byte order', () => {
      expect(
        scene.edges.map((edge) => [
          edge.from,
          scene.byId.get(edge.from)!.rows[edge.row].key,
          edge.to,
          edge.kind,
          edge.label,
          edge.orderTag,
        ]),
      ).toEqual([
        ['0x40000000', '/memblock', '0x40001000', 'tree', '0x40001000', 'BE'],
        ['0x40000000', '/gpu@0x100000000', '0x40002000', 'tree', '0x40002000', 'BE'],
        ['0x40002000', '/node1', '0x40003000', 'tree', '0x40003000, 0x40005000', 'BE'],
      ]);
      expect(scene.edges[2].title).toMatch(/big-endian/);
    });

    it('stacks the sections of a card into its computed height', () => {
      const gpu = scene.byId.get('0x40002000')!;
      expect(gpu.rowsY).toBeGreaterThan(gpu.propertiesY);
      expect(gpu.height).toBe(gpu.rowsY + 3 * CARD.rowHeight + CARD.paddingBottom);
    });
  });

  describe('a graph with problems', () => {
    let graph: KhoGraph;
    let scene: GraphScene;
    beforeAll(async () => {
      graph = (await showcaseGraph()).graph;
      scene = buildGraphScene(graph);
    });

    it('gives an unreadable target a stand-in card that selects the link and says the worst problem', () => {
      const standIn = scene.cards.find((card) => card.id === 'unread:0x40000000:/broken:kho,recursive-fdt')!;
      expect(standIn).toMatchObject({
        fragment: null,
        parent: '0x40000000',
        title: '/broken',
        selection: { kind: 'link', link: '0x40000000:/broken:kho,recursive-fdt' },
      });
      expect(standIn.problem).toMatch(/no FDT at 0x40008000/);
      expect(standIn.chipLines.flat().map(chipLabel)).toEqual(['0x40008000', 'back 256 MiB', '0x30000000']);
      expect(standIn.badge).toMatchObject({ count: 2, worst: 'error' });
    });

    it('draws a second link to one fragment as an extra edge, with the warning on the owning row', () => {
      const edges = scene.edges.filter((edge) => edge.to === '0x1850000');
      expect(edges.map((edge) => edge.kind)).toEqual(['tree', 'extra']);
      const root = scene.byId.get('0x23a000')!;
      expect(root.rows[edges[1].row]).toMatchObject({ key: '/iommu-mirror', badge: { count: 1, worst: 'warning' } });
      expect(root.badge).toMatchObject({ count: 1, worst: 'warning' });
    });

    it('names raw-struct owners by field and keeps rows for nested fields that own links', () => {
      const memfd = scene.byId.get('0x1849000')!;
      expect(memfd.title).toBe('/LUO › sessions[0].files[0].data');
      const luo = scene.byId.get('0x1844000')!;
      expect(luo.rows.map((row) => row.label)).toContain('sessions[0].files[0].data');
      expect(luo.rows.find((row) => row.label === 'liveupdate_num')?.detail).toBe('0x1');
    });

    it('puts a node diagnostic on the card and on the exact row', () => {
      const memblock = scene.byId.get('0x1847000')!;
      expect(memblock.badge).toMatchObject({ count: 1, worst: 'error' });
      expect(memblock.rows.find((row) => row.key === '/short')?.badge).toMatchObject({
        count: 1,
        worst: 'error',
        first: graph.diagnostics.findIndex((d) => d.code === 'bad-property-length'),
      });
      expect(memblock.rows.find((row) => row.key === '/demo1')?.badge).toBeUndefined();
    });

    it('makes every fragment and stand-in reachable from a root exactly once', () => {
      const seen = new Set<string>();
      const stack = [...scene.roots];
      while (stack.length > 0) {
        const id = stack.pop()!;
        expect(seen.has(id)).toBe(false);
        seen.add(id);
        stack.push(...scene.byId.get(id)!.children);
      }
      expect(seen.size).toBe(scene.cards.length);
      expect(scene.roots).toEqual(['0x23a000', '0x40000000']);
    });
  });

  it('keeps rows that own links when a card has too many rows, and counts the rest', () => {
    const graph = syntheticGraph({ fragments: 2, seed: 3, maxChildren: 1 });
    const root = graph.fragments[0];
    if (root.content?.kind !== 'fdt') throw new Error('synthetic fragments are FDTs');
    for (let i = 0; i < 30; i++)
      root.content.root.children.unshift({
        name: `pad${i}`,
        path: `/pad${i}`,
        offset: 0,
        properties: [],
        children: [],
      });
    const card = buildGraphScene(graph).byId.get(root.id)!;
    expect(card.rows).toHaveLength(CARD.maxRows);
    expect(card.rows.some((row) => row.links > 0)).toBe(true);
    expect(card.hiddenRows).toBe(root.content.root.children.length + 1 - CARD.maxRows);
  });
});
