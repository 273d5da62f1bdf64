import { beforeEach, describe, expect, it } from 'vitest';
import type { KhoGraph } from '../../core/kho';
import { outlineModelOf } from '../outline/buildOutlineModel';
import { readyView } from '../testing/readyView';
import { seedGraph } from '../testing/testGraphs';
import { useDocumentStore } from './documentStore';
import { useOutlineStore } from './outlineStore';
import { followLink, goBack, select } from './select';
import { useSelectionStore } from './selectionStore';
import { resetViewsFor } from './showGraph';

let graph: KhoGraph;

function show(preferred: Parameters<typeof resetViewsFor>[1] = null): void {
  resetViewsFor(graph, preferred);
  const request = useDocumentStore.getState().startOpening('seed', {});
  useDocumentStore.getState().finishOpening(request, readyView('seed', graph));
}

describe('selecting from anywhere', () => {
  beforeEach(async () => {
    graph ??= await seedGraph();
    useOutlineStore.getState().reset(new Set(), null);
    show();
  });

  it('starts at the first root, or at the selection from the URL when the graph has it', () => {
    expect(useSelectionStore.getState().selection).toEqual({ kind: 'fragment', fragment: '0x40000000' });
    show({ kind: 'node', fragment: '0x40001000', node: '/n2' });
    expect(useSelectionStore.getState().selection).toEqual({ kind: 'node', fragment: '0x40001000', node: '/n2' });
    show({ kind: 'node', fragment: '0x40001000', node: '/n9' });
    expect(useSelectionStore.getState().selection).toEqual({ kind: 'fragment', fragment: '0x40000000' });
  });

  it('reveals the selection in the outline: its ancestors open, the cursor on its row', () => {
    const model = outlineModelOf(graph);
    const gpu = model.items.findIndex((item) => item.label === 'gpu@0x100000000');
    useOutlineStore.getState().setExpanded(gpu, false);
    select({ kind: 'link', link: '0x40000000:/gpu@0x100000000:kho,recursive-fdt' });
    const cursor = useOutlineStore.getState().cursor!;
    expect(model.items[cursor]).toMatchObject({ label: 'kho,recursive-fdt', parent: gpu });
    expect(useOutlineStore.getState().expanded.has(gpu)).toBe(true);
  });

  it('follows links to their fragment and goes back', () => {
    select({ kind: 'property', fragment: '0x40002000', node: '/node1', property: 'kho,recursive-fdt' });
    expect(followLink('0x40002000:/node1:kho,recursive-fdt')).toBe(true);
    expect(useSelectionStore.getState().selection).toEqual({ kind: 'fragment', fragment: '0x40003000' });
    expect(followLink('no such link')).toBe(false);
    expect(goBack()).toBe(true);
    expect(useSelectionStore.getState().selection).toEqual({
      kind: 'property',
      fragment: '0x40002000',
      node: '/node1',
      property: 'kho,recursive-fdt',
    });
    expect(goBack()).toBe(true);
    expect(goBack()).toBe(false);
  });
});
