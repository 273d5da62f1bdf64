import { describe, expect, it } from 'vitest';
import { buildOutlineModel } from '../outline/buildOutlineModel';
import { loneDtbGraph, mainlineGraph, truncatedBlobSetGraph } from '../testing/testGraphs';
import { buildGraphScene } from '../views/graph/model/buildGraphScene';
import { breadcrumbOf } from './breadcrumbOf';
import { graphIndexOf } from './GraphIndex';
import { rootLabel } from './rootLabel';

describe('rootLabel', () => {
  it('names a root found in memory by its address', async () => {
    const graph = await mainlineGraph();
    expect(rootLabel(graph, graph.roots[0])).toEqual({ title: 'KHO root', name: 'root 0x23a000', kho: true });
  });

  it('names a KHO root read from a file by its fragment', async () => {
    const blobs = await truncatedBlobSetGraph();
    expect(rootLabel(blobs, blobs.roots[0])).toEqual({ title: 'KHO root', name: 'root fdt', kho: true });
    const lone = await loneDtbGraph('fdt', 'kho-v1');
    expect(rootLabel(lone, lone.roots[0])).toEqual({ title: 'KHO root', name: 'root fdt', kho: true });
  });

  it('titles a plain device tree by its model and names it by its file, never "KHO root"', async () => {
    const board = await loneDtbGraph('/home/me/boards/widget.dtb', 'acme,widget', 'Acme Widget rev B');
    expect(rootLabel(board, board.roots[0])).toEqual({ title: 'Acme Widget rev B', name: 'widget.dtb', kho: false });
    const bare = await loneDtbGraph('memblock.dtb', 'memblock-v1');
    expect(rootLabel(bare, bare.roots[0])).toEqual({ title: 'device tree', name: 'memblock.dtb', kho: false });
  });

  it('cuts a long model so a hostile string cannot stretch a card', async () => {
    const graph = await loneDtbGraph('long.dtb', 'x,y', 'M'.repeat(500));
    expect(rootLabel(graph, graph.roots[0]).title).toHaveLength(64);
  });

  it('is the name the outline, the breadcrumb and the graph card all show', async () => {
    const graph = await loneDtbGraph('widget.dtb', 'acme,widget', 'Acme Widget rev B');
    const outline = buildOutlineModel(graph);
    expect(outline.items[outline.top[0]].label).toBe('widget.dtb');
    const crumbs = breadcrumbOf(graphIndexOf(graph), { kind: 'node', fragment: 'dtb', node: '/memory@80000000' });
    expect(crumbs.map((crumb) => crumb.label)).toEqual(['widget.dtb', 'memory@80000000']);
    const card = buildGraphScene(graph).byId.get('dtb')!;
    expect(card.title).toBe('Acme Widget rev B');
    const mainline = await mainlineGraph();
    expect(buildGraphScene(mainline).byId.get('0x23a000')!.title).toBe('KHO root');
    expect(
      breadcrumbOf(graphIndexOf(mainline), { kind: 'fragment', fragment: '0x23a000' }).map((crumb) => crumb.label),
    ).toEqual(['root 0x23a000']);
  });
});
