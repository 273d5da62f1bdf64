import { describe, expect, it } from 'vitest';
import { SparseMemory } from '../../mem/SparseMemory';
import { parseRootCompatible } from '../rootVersion';
import { decodePreservedMemoryMap } from './decodePreservedMemoryMap';
import { writeEncodedMap } from './EncodedMap';
import { encodeRadixTree } from './encodeRadixTree';
import { mapEncodingFor } from './mapEncodingFor';
import { bumpAllocator } from './testing/mapTestImage';
import { writeU64 } from '../../bytes/writeU64';

describe('decodePreservedMemoryMap', () => {
  const memory = new SparseMemory(4096, [{ start: 0, end: 0x1000000 }]);

  it('treats address 0 as "no map yet", not as an error', async () => {
    for (const encoding of ['chunk-list', 'radix-tree'] as const) {
      const map = await decodePreservedMemoryMap(memory, 0, encoding);
      expect(map.status).toBe('no-map-yet');
      expect(map.problems).toEqual([]);
      expect(map.blockCount).toBe(0);
      expect(map.isPreserved(0)).toBe(false);
      expect(map.details.encoding).toBe(encoding);
    }
  });

  it('dispatches on the encoding', async () => {
    const encoded = encodeRadixTree([{ address: 0x200000, order: 2 }], 4096, bumpAllocator(0x100000, 4096));
    writeEncodedMap(memory, encoded);
    const map = await decodePreservedMemoryMap(memory, encoded.root, 'radix-tree');
    expect(map.encoding).toBe('radix-tree');
    expect(map.ranges.toArray()).toEqual([{ start: 0x200000, end: 0x204000 }]);
  });

  it('keeps at most maxProblems problems and counts the rest', async () => {
    const root = new Uint8Array(4096);
    const view = new DataView(root.buffer);
    for (let i = 0; i < 3; i++) writeU64(view, i * 8, 0x8000_0000 + i * 4096);
    memory.write(0x300000, root);
    const map = await decodePreservedMemoryMap(memory, 0x300000, 'radix-tree', { maxProblems: 1 });
    expect(map.problems.length).toBe(1);
    expect(map.droppedProblems).toBe(2);
  });

  it('picks the encoding from the root version', () => {
    const encodingOf = (compatible: string) => {
      const version = parseRootCompatible(compatible);
      return version && mapEncodingFor(version);
    };
    expect(['kho-v1', 'kho-v2', 'kho-v3', 'kho-v4;radix-v1;vmalloc-v1', 'kho-v9'].map(encodingOf)).toEqual([
      'chunk-list',
      'radix-tree',
      'radix-tree',
      'radix-tree',
      'radix-tree',
    ]);
  });
});
