import { beforeAll, describe, expect, it } from 'vitest';
import { u64List } from '../bytes/encoders';
import { applyEdit } from './applyEdit';
import { findNode } from './documentPaths';
import { EditError } from './EditError';
import { EditLog } from './EditLog';
import type { EditOperation } from './EditOperation';
import type { EditState } from './EditState';
import { bytesToHex } from './hexBytes';
import { pointerSlots, slotTarget } from './pointerSlots';
import { editContentDifference } from './testing/sameEditContent';
import { openDemo } from './testing/NodeDemoImages';

const hexOf = (text: string) => bytesToHex(Uint8Array.from([...text, '\0'], (c) => c.charCodeAt(0)));

/** Applies `op`, checks that its inverse restores the state, and returns the new state. */
function applied(state: EditState, op: EditOperation): EditState {
  const { state: next, inverse } = applyEdit(state, op);
  expect(editContentDifference(applyEdit(next, inverse).state, state)).toBeNull();
  return next;
}

function refused(state: EditState, op: EditOperation): string {
  try {
    applyEdit(state, op);
  } catch (error) {
    expect(error).toBeInstanceOf(EditError);
    return (error as EditError).message;
  }
  throw new Error('the operation was not refused');
}

function node(state: EditState, fragment: string, path: string) {
  return findNode(state.fragments[fragment].document!, path);
}

describe('edit operations on the seed example (draft scheme)', () => {
  let seed: EditState;
  beforeAll(async () => {
    seed = (await openDemo('seed-example')).state;
  });

  it('sets, adds, renames and removes properties, each undone by its inverse', () => {
    let state = applied(seed, {
      op: 'set-property',
      fragment: '0x40002000',
      node: '/node2',
      name: 'key3',
      value: hexOf('changed'),
    });
    state = applied(state, {
      op: 'add-property',
      fragment: '0x40002000',
      node: '/node2',
      name: 'key9',
      value: hexOf('new'),
      index: 0,
    });
    state = applied(state, {
      op: 'rename-property',
      fragment: '0x40002000',
      node: '/node2',
      name: 'key4',
      to: 'key4b',
    });
    state = applied(state, { op: 'remove-property', fragment: '0x40002000', node: '/node2', name: 'key3' });
    expect(node(state, '0x40002000', '/node2')!.properties.map((p) => p.name)).toEqual(['key9', 'key4b']);
    expect(node(seed, '0x40002000', '/node2')!.properties.map((p) => p.name)).toEqual(['key3', 'key4']);
  });

  it('adds, renames and removes nodes; removing a link owner drops the fragment it linked', () => {
    let state = applied(seed, { op: 'add-node', fragment: '0x40001000', node: '/', name: 'n3' });
    state = applied(state, { op: 'rename-node', fragment: '0x40001000', node: '/n3', to: 'n4' });
    expect(node(state, '0x40001000', '/n4')).toBeDefined();
    state = applied(state, { op: 'remove-node', fragment: '0x40002000', node: '/node1' });
    expect(editContentDifference(state, seed)).toMatch(/reachable fragments differ/);
  });

  it('refuses names dtc refuses, duplicates, missing paths and non-FDT fragments', () => {
    expect(refused(seed, { op: 'add-node', fragment: '0x40001000', node: '/', name: 'bad name' })).toMatch(
      /character outside/,
    );
    expect(refused(seed, { op: 'add-node', fragment: '0x40001000', node: '/', name: 'n1' })).toMatch(
      /already has a child/,
    );
    expect(refused(seed, { op: 'add-property', fragment: '0x40001000', node: '/n1', name: 'a=b', value: '' })).toMatch(
      /character outside/,
    );
    expect(
      refused(seed, { op: 'add-property', fragment: '0x40001000', node: '/n1', name: 'start', value: '' }),
    ).toMatch(/already has this property/);
    expect(
      refused(seed, { op: 'rename-property', fragment: '0x40001000', node: '/n1', name: 'start', to: 'size' }),
    ).toMatch(/already has a property named size/);
    expect(refused(seed, { op: 'set-property', fragment: '0x40001000', node: '/n9', name: 'x', value: '' })).toMatch(
      /no such node/,
    );
    expect(refused(seed, { op: 'set-property', fragment: '0x40001000', node: '/n1', name: 'nope', value: '' })).toMatch(
      /no such property/,
    );
    expect(refused(seed, { op: 'set-property', fragment: '0x99', node: '/', name: 'x', value: '' })).toMatch(
      /no such fragment/,
    );
    expect(refused(seed, { op: 'remove-node', fragment: '0x40001000', node: '/' })).toMatch(
      /root node of a fragment cannot be removed/,
    );
  });

  it("refuses values that are not of the property's ABI type", () => {
    expect(
      refused(seed, { op: 'set-property', fragment: '0x40001000', node: '/n1', name: 'size', value: '00000001' }),
    ).toMatch(/size is a u64: its value must be 8 bytes, not 4/);
    expect(
      refused(seed, { op: 'set-property', fragment: '0x40001000', node: '/n1', name: 'compatible', value: '00000001' }),
    ).toMatch(/must end with a NUL/);
    expect(
      refused(seed, { op: 'set-property', fragment: '0x40001000', node: '/n1', name: 'size', value: 'xyz' }),
    ).toMatch(/not a string of hex byte pairs/);
  });

  it("refuses hand edits of link pointers and of the root compatible's version rules", () => {
    expect(
      refused(seed, {
        op: 'set-property',
        fragment: '0x40000000',
        node: '/memblock',
        name: 'kho,recursive-fdt',
        value: bytesToHex(u64List([0x40009000], 'be')),
      }),
    ).toMatch(/the editor writes it/);
    expect(refused(seed, { op: 'remove-property', fragment: '0x40000000', node: '/', name: 'compatible' })).toMatch(
      /cannot be removed/,
    );
    expect(
      refused(seed, {
        op: 'set-property',
        fragment: '0x40000000',
        node: '/',
        name: 'compatible',
        value: hexOf('kho-v2'),
      }),
    ).toMatch(/same rules/);
    applied(seed, {
      op: 'set-property',
      fragment: '0x40000000',
      node: '/',
      name: 'compatible',
      value: hexOf('kho-v1;draft-v1'),
    });
  });

  it('splits an in-place node into a new fragment linked by a page list, and inlines it back', () => {
    const split = applied(seed, { op: 'split', fragment: '0x40002000', node: '/node2' });
    const owner = node(split, '0x40002000', '/node2')!;
    expect(owner.properties.map((p) => p.name)).toEqual(['kho,recursive-fdt']);
    const slot = pointerSlots(split, '0x40002000', split.fragments['0x40002000'].document!).find(
      (s) => s.node === '/node2',
    )!;
    expect(slotTarget(split, slot)).toEqual({ fragment: 'new-1', order: 'be' });
    expect(split.fragments['new-1'].document!.root.properties.map((p) => p.name)).toEqual(['key3', 'key4']);
    const inlined = applied(split, { op: 'inline', fragment: '0x40002000', node: '/node2' });
    expect(editContentDifference(inlined, seed)).toBeNull();
  });

  it('inlines a decoded fragment, and undo puts back the same fragment at its own place', () => {
    const { state, inverse } = applyEdit(seed, { op: 'inline', fragment: '0x40000000', node: '/memblock' });
    expect(node(state, '0x40000000', '/memblock/n1')).toBeDefined();
    expect(inverse).toMatchObject({ op: 'split', into: '0x40001000' });
    expect(editContentDifference(applyEdit(state, inverse).state, seed)).toBeNull();
  });

  it('refuses to inline what is not a linked FDT, or is linked twice', () => {
    expect(refused(seed, { op: 'inline', fragment: '0x40002000', node: '/node2' })).toMatch(/does not link/);
    const list = node(seed, '0x40000000', '/memblock')!.properties[0].value;
    const twice = applied(seed, {
      op: 'insert-node',
      fragment: '0x40002000',
      node: '/',
      index: 0,
      subtree: { name: 'again', properties: [['kho,recursive-fdt', bytesToHex(list)]], children: [] },
    });
    expect(refused(twice, { op: 'inline', fragment: '0x40000000', node: '/memblock' })).toMatch(
      /also linked from fragment 0x40002000 \/again/,
    );
    expect(refused(seed, { op: 'split', fragment: '0x40001000', node: '/' })).toMatch(/already a fragment/);
  });

  it('writes a page list in the other byte order, refusing the order it already has', () => {
    const le = applied(seed, { op: 'set-page-order', fragment: '0x40002000', node: '/node1', order: 'le' });
    expect(Array.from(node(le, '0x40002000', '/node1')!.properties[0].value.subarray(0, 8))).toEqual([
      0, 0x30, 0, 0x40, 0, 0, 0, 0,
    ]);
    expect(refused(seed, { op: 'set-page-order', fragment: '0x40002000', node: '/node1', order: 'be' })).toMatch(
      /already big-endian/,
    );
  });

  it('adds a fragment linked from any node of a draft tree', () => {
    const state = applied(seed, {
      op: 'add-fragment',
      fragment: '0x40002000',
      node: '/node2',
      name: 'extra',
      tree: { name: '', properties: [['compatible', hexOf('extra-v1')]], children: [] },
    });
    expect(node(state, '0x40002000', '/node2/extra')!.properties.map((p) => p.name)).toEqual(['kho,recursive-fdt']);
    expect(state.fragments['new-1']).toMatchObject({ root: '0x40000000', original: null, format: 'fdt' });
  });

  it('keeps an undo/redo log', () => {
    let log = new EditLog(seed)
      .apply({ op: 'add-node', fragment: '0x40001000', node: '/', name: 'n3' })
      .apply({ op: 'add-node', fragment: '0x40001000', node: '/n3', name: 'deep' });
    expect(node(log.state, '0x40001000', '/n3/deep')).toBeDefined();
    log = log.undo();
    expect(node(log.state, '0x40001000', '/n3/deep')).toBeUndefined();
    expect(log.canRedo).toBe(true);
    log = log.redo();
    expect(node(log.state, '0x40001000', '/n3/deep')).toBeDefined();
    log = log.undo().undo();
    expect(editContentDifference(log.state, seed)).toBeNull();
    expect(log.canUndo).toBe(false);
    expect(log.undo()).toBe(log);
  });
});

describe('edit operations under a mainline root (kho-v4)', () => {
  let v4: EditState;
  beforeAll(async () => {
    v4 = (await openDemo('kho-v4')).state;
  });

  it('refuses hand edits of preserved-data, blob-size and the map pointer, and raw fragments', () => {
    expect(
      refused(v4, {
        op: 'set-property',
        fragment: '0x100000',
        node: '/memblock',
        name: 'blob-size',
        value: '0000000000000000',
      }),
    ).toMatch(/link to a blob/);
    expect(refused(v4, { op: 'remove-property', fragment: '0x100000', node: '/LUO', name: 'preserved-data' })).toMatch(
      /link to a blob/,
    );
    expect(
      refused(v4, {
        op: 'set-property',
        fragment: '0x100000',
        node: '/',
        name: 'preserved-memory-map',
        value: '0000000000000000',
      }),
    ).toMatch(/updates the map/);
    expect(refused(v4, { op: 'set-property', fragment: '0x102000', node: '/', name: 'x', value: '' })).toMatch(
      /luo-ser blob, not an FDT/,
    );
    expect(
      refused(v4, { op: 'set-property', fragment: '0x104000', node: '/data', name: 'folios_info', value: '00' }),
    ).toMatch(/does not move/);
  });

  it('only links from root children: add-node and deep splits are refused, add-fragment writes preserved-data + blob-size', () => {
    expect(refused(v4, { op: 'add-node', fragment: '0x100000', node: '/', name: 'loose' })).toMatch(/use add-fragment/);
    expect(refused(v4, { op: 'split', fragment: '0x101000', node: '/demo1' })).toMatch(
      /only the root's own children can point to blobs/,
    );
    const state = applied(v4, {
      op: 'add-fragment',
      fragment: '0x100000',
      node: '/',
      name: 'extra',
      tree: { name: '', properties: [['compatible', hexOf('extra-v1')]], children: [] },
    });
    expect(node(state, '0x100000', '/extra')!.properties.map((p) => p.name)).toEqual(['blob-size', 'preserved-data']);
    expect(refused(v4, { op: 'inline', fragment: '0x100000', node: '/memblock' })).toMatch(
      /every child must point to a blob/,
    );
    expect(refused(v4, { op: 'inline', fragment: '0x100000', node: '/LUO' })).toMatch(
      /luo-ser blob, which is not an FDT/,
    );
  });

  it('splits a root child that has no pointer into a blob child; undo restores it', () => {
    const loose = applied(v4, {
      op: 'insert-node',
      fragment: '0x100000',
      node: '/',
      index: 4,
      subtree: { name: 'loose', properties: [['compatible', hexOf('loose-v1')]], children: [] },
    });
    const { state, inverse } = applyEdit(loose, { op: 'split', fragment: '0x100000', node: '/loose' });
    expect(node(state, '0x100000', '/loose')!.properties.map((p) => p.name)).toEqual(['blob-size', 'preserved-data']);
    expect(inverse).toEqual({ op: 'inline', fragment: '0x100000', node: '/loose', keepPointerless: true });
    expect(editContentDifference(applyEdit(state, inverse).state, loose)).toBeNull();
  });
});

describe('the root compatible guard (issue 14)', () => {
  it('also guards a root that was first reached as a fragment of another root (0x1f1a000 in the broken demo)', async () => {
    const { state, graph } = await openDemo('broken');
    expect(
      graph.diagnostics.some((d) => d.code === 'root-already-decoded' && d.location.fragment === '0x1f1a000'),
    ).toBe(true);
    expect(refused(state, { op: 'remove-property', fragment: '0x1f1a000', node: '/', name: 'compatible' })).toMatch(
      /root compatible \("kho-v2"\) says which KHO version/,
    );
    expect(
      refused(state, {
        op: 'set-property',
        fragment: '0x1f1a000',
        node: '/',
        name: 'compatible',
        value: hexOf('x-v1'),
      }),
    ).toMatch(/may only change to a version read by the same rules as kho-v2/);
    expect(
      refused(state, { op: 'rename-property', fragment: '0x1f1a000', node: '/', name: 'compatible', to: 'x' }),
    ).toMatch(/cannot be removed or renamed/);
    applied(state, {
      op: 'set-property',
      fragment: '0x1f1a000',
      node: '/',
      name: 'compatible',
      value: hexOf('kho-v2;draft-v1'),
    });
  });
});
