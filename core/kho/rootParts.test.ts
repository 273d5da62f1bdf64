import { describe, expect, it } from 'vitest';
import { KhoImageBuilder } from '../build/KhoImageBuilder';
import { placeKhoRoot } from '../build/placeKhoRoot';
import { decodeKhoGraph } from './decode/decodeKhoGraph';
import { rootPartProblems } from './rootParts';
import { parseRootCompatible } from './rootVersion';

const problems = (compatible: string) => rootPartProblems(parseRootCompatible(compatible)!);

describe('composite root compatibles: each part versions its own sub-decoder', () => {
  it('accepts the RFC form with its parts in alphabetical order', () => {
    expect(parseRootCompatible('kho-v4;block-v1;radix-v1;vmalloc-v1')?.components).toEqual({
      block: 1,
      radix: 1,
      vmalloc: 1,
    });
    expect(problems('kho-v4;block-v1;radix-v1;vmalloc-v1')).toEqual([]);
    expect(problems('kho-v4')).toEqual([]);
  });

  it('says which sub-decoder meets a part version it does not know, and other oddities', () => {
    expect(problems('kho-v4;radix-v2;vmalloc-v1')).toEqual([
      'radix-v2: khoscope reads the radix-tree preserved-memory map as radix-v1 only; decoded with that layout',
    ]);
    expect(problems('kho-v4;vmalloc-v1;radix-v1')).toEqual([
      'parts are not in alphabetical order (vmalloc, radix), as the kernel writes them',
    ]);
    expect(problems('kho-v4;swap-v1;radix')).toEqual([
      'part "swap-v1" names nothing khoscope decodes',
      'part "radix" is not of the form name-vN',
    ]);
  });

  it('reports it on the root compatible when decoding, and reads the map as the radix part says', async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
    placeKhoRoot(builder, { address: 0x1000, compatible: 'kho-v4;radix-v2', map: 'radix-tree', children: [] });
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(graph.diagnostics).toMatchObject([
      {
        severity: 'warning',
        code: 'unknown-version',
        location: { fragment: '0x1000', property: 'compatible' },
        message:
          'root compatible radix-v2: khoscope reads the radix-tree preserved-memory map as radix-v1 only; decoded with that layout',
      },
    ]);
    expect(graph.roots[0].map?.encoding).toBe('radix-tree');
  });
});
