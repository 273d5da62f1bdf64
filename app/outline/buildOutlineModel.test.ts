import { describe, expect, it } from 'vitest';
import { selectionKey } from '../explore/selectionKey';
import { seedGraph, truncatedBlobSetGraph } from '../testing/testGraphs';
import { buildOutlineModel } from './buildOutlineModel';
import type { OutlineModel } from './OutlineModel';

/** The rows under `item` as `kind label`, in order. */
function childrenOf(model: OutlineModel, item: number): string[] {
  return model.items[item].children.map((child) => `${model.items[child].kind} ${model.items[child].label}`);
}

function find(model: OutlineModel, kind: string, label: string): number {
  const found = model.items.findIndex((item) => item.kind === kind && item.label === label);
  if (found < 0) throw new Error(`no ${kind} ${label}`);
  return found;
}

describe('buildOutlineModel', () => {
  it('nests roots → fragments → nodes → properties, pointers carrying their links', async () => {
    const graph = await seedGraph();
    const model = buildOutlineModel(graph);
    expect(model.top).toHaveLength(1);
    expect(model.items[model.top[0]]).toMatchObject({ kind: 'root', label: 'root 0x40000000' });
    expect(childrenOf(model, model.top[0])).toEqual([
      'fragment 0x40000000',
      'fragment 0x40001000',
      'fragment 0x40002000',
      'fragment 0x40003000',
    ]);
    const root = find(model, 'fragment', '0x40000000');
    expect(childrenOf(model, root)).toEqual(['property compatible', 'node memblock', 'node gpu@0x100000000']);
    const gpu = find(model, 'node', 'gpu@0x100000000');
    const pointer = model.items[gpu].children[0];
    expect(model.items[pointer]).toMatchObject({
      kind: 'property',
      label: 'kho,recursive-fdt',
      detail: '→ 0x40002000',
      link: '0x40000000:/gpu@0x100000000:kho,recursive-fdt',
      target: '0x40002000',
      selection: { kind: 'property', fragment: '0x40000000', node: '/gpu@0x100000000', property: 'kho,recursive-fdt' },
      depth: 3,
    });
    // A link selected in the graph reveals the row holding its pointer.
    expect(model.rowOf.get(selectionKey({ kind: 'link', link: '0x40000000:/gpu@0x100000000:kho,recursive-fdt' }))).toBe(
      pointer,
    );
    expect(model.rowOf.get(selectionKey({ kind: 'fragment', fragment: '0x40000000' }))).toBe(root);
  });

  it('gives pointers without a row of their own a link row (a truncated debugfs root reaches children by name)', async () => {
    const model = buildOutlineModel(await truncatedBlobSetGraph());
    const root = find(model, 'fragment', 'fdt');
    // The cut-short root has no /memblock node to hold the pointer: a link row under the fragment stands in.
    expect(childrenOf(model, root)).toContain('link /memblock');
    const link = model.items[root].children.find((child) => model.items[child].kind === 'link')!;
    expect(model.items[link]).toMatchObject({
      selection: { kind: 'link', link: 'fdt:/memblock:' },
      target: 'sub_fdts/memblock',
    });
    const child = find(model, 'fragment', 'sub_fdts/memblock');
    expect(model.items[child].parent).toBe(model.top[0]);
    expect(childrenOf(model, find(model, 'node', 'demo1'))).toEqual([
      'property compatible',
      'property start',
      'property size',
    ]);
  });
});
