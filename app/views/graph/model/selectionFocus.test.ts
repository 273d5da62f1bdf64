import { beforeAll, describe, expect, it } from 'vitest';
import type { KhoGraph } from '../../../../core/kho';
import { showcaseGraph } from '../testing/exampleGraphs';
import { buildGraphScene } from './buildGraphScene';
import type { GraphScene } from './GraphScene';
import { selectionFocus } from './selectionFocus';

describe('selectionFocus', () => {
  let graph: KhoGraph;
  let scene: GraphScene;
  beforeAll(async () => {
    graph = (await showcaseGraph()).graph;
    scene = buildGraphScene(graph);
  });

  it('puts nodes, raw fields and key properties on their card and row', () => {
    expect(selectionFocus({ kind: 'node', fragment: '0x1847000', node: '/demo1' }, scene, graph)).toMatchObject({
      card: '0x1847000',
      row: '/demo1',
      property: null,
    });
    expect(
      selectionFocus({ kind: 'property', fragment: '0x1844000', node: '', property: 'flbs_pa' }, scene, graph),
    ).toMatchObject({ card: '0x1844000', row: 'field:flbs_pa' });
    expect(
      selectionFocus({ kind: 'property', fragment: '0x40002000', node: '/', property: 'key1' }, scene, graph),
    ).toMatchObject({ card: '0x40002000', row: '/', property: 'key1' });
  });

  it('puts a link on its edge, its target card and its owner card', () => {
    const focus = selectionFocus({ kind: 'link', link: '0x40002000:/node1:kho,recursive-fdt' }, scene, graph)!;
    expect(focus).toMatchObject({ card: '0x40003000', edge: '0x40002000:/node1:kho,recursive-fdt' });
    expect([...focus.related]).toEqual(['0x40002000']);
    expect(selectionFocus({ kind: 'link', link: '0x40000000:/broken:kho,recursive-fdt' }, scene, graph)?.card).toBe(
      'unread:0x40000000:/broken:kho,recursive-fdt',
    );
  });

  it('puts a diagnostic where it points, and memory on the fragments it touches', () => {
    const index = graph.diagnostics.findIndex((d) => d.code === 'bad-property-length');
    expect(selectionFocus({ kind: 'diagnostic', index }, scene, graph)).toMatchObject({
      card: '0x1847000',
      row: '/short',
    });
    const focus = selectionFocus({ kind: 'memory', address: 0x4000_3800, length: 0x2000 }, scene, graph)!;
    expect([...focus.related]).toEqual(['0x40003000']);
    expect(selectionFocus({ kind: 'memory', address: 0x10, length: 1 }, scene, graph)).toBeNull();
    expect(selectionFocus(null, scene, graph)).toBeNull();
  });
});
