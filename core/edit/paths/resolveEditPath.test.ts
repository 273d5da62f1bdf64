import { beforeAll, describe, expect, it } from 'vitest';
import { EditError } from '../EditError';
import type { EditState } from '../EditState';
import { openDemo } from '../testing/NodeDemoImages';
import { addNodeAt, removeNodeAt, removePropertyAt, setPropertyAt, splitAt } from './pathOperations';
import { resolveEditPath } from './resolveEditPath';

describe('paths from the top of the tree', () => {
  let seed: EditState;
  beforeAll(async () => {
    seed = (await openDemo('seed-example')).state;
  });

  it('cross links: a link owner stands for the fragment it links to', () => {
    expect(resolveEditPath(seed, '/')).toEqual({
      owner: { fragment: '0x40000000', node: '/' },
      content: { fragment: '0x40000000', node: '/' },
    });
    expect(resolveEditPath(seed, '/gpu@0x100000000')).toEqual({
      owner: { fragment: '0x40000000', node: '/gpu@0x100000000' },
      content: { fragment: '0x40002000', node: '/' },
    });
    expect(resolveEditPath(seed, '/gpu@0x100000000/node1')).toEqual({
      owner: { fragment: '0x40002000', node: '/node1' },
      content: { fragment: '0x40003000', node: '/' },
    });
    expect(resolveEditPath(seed, '/gpu@0x100000000/node2')).toEqual({
      owner: { fragment: '0x40002000', node: '/node2' },
      content: { fragment: '0x40002000', node: '/node2' },
    });
    expect(resolveEditPath(seed, '/memblock/n1').owner).toEqual({ fragment: '0x40001000', node: '/n1' });
  });

  it('can start at a named fragment', () => {
    expect(resolveEditPath(seed, '{0x40002000}/node2').owner).toEqual({ fragment: '0x40002000', node: '/node2' });
  });

  it('names the first missing node', () => {
    expect(() => resolveEditPath(seed, '/gpu@0x100000000/node3/x')).toThrow(
      new EditError(
        '/gpu@0x100000000/node3/x',
        '/gpu@0x100000000 has no child named node3 (nor has the fragment 0x40002000 it links to)',
      ),
    );
    expect(() => resolveEditPath(seed, 'gpu')).toThrow(/starts with \//);
    expect(() => resolveEditPath(seed, '/a//b')).toThrow(/no empty names/);
    expect(() => resolveEditPath(seed, '{0x1}/')).toThrow(/not a decoded FDT fragment/);
  });

  it('puts a property on the owner when the owner holds it, else on the linked root', () => {
    expect(setPropertyAt(seed, '/gpu@0x100000000', 'key1', new Uint8Array([0x61, 0]))).toMatchObject({
      op: 'set-property',
      fragment: '0x40002000',
      node: '/',
    });
    expect(setPropertyAt(seed, '/gpu@0x100000000', 'fresh', new Uint8Array(0))).toMatchObject({
      op: 'add-property',
      fragment: '0x40002000',
      node: '/',
    });
    expect(setPropertyAt(seed, '/gpu@0x100000000', 'kho,recursive-fdt', new Uint8Array(8))).toMatchObject({
      op: 'set-property',
      fragment: '0x40000000',
      node: '/gpu@0x100000000',
    });
    expect(() => removePropertyAt(seed, '/memblock', 'nope')).toThrow(/no such property/);
  });

  it('adds nodes inside the linked fragment, removes and splits the owner itself', () => {
    expect(addNodeAt(seed, '/gpu@0x100000000/node1/sub')).toEqual({
      op: 'add-node',
      fragment: '0x40003000',
      node: '/',
      name: 'sub',
    });
    expect(removeNodeAt(seed, '/gpu@0x100000000/node1')).toEqual({
      op: 'remove-node',
      fragment: '0x40002000',
      node: '/node1',
    });
    expect(splitAt(seed, '/memblock/n2')).toEqual({ op: 'split', fragment: '0x40001000', node: '/n2' });
    expect(() => addNodeAt(seed, '/')).toThrow(/name the node/);
  });
});
