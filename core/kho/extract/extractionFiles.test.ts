import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { cstring, u64List } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import { extractionFiles } from './extractionFiles';

describe('extractionFiles', () => {
  it('writes a fragment at every link to it but descends once, so cycles end', async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
    const list = (page: number) => u64List([page], 'be');
    builder.placeFdt(
      0x1000,
      fdtBlob(
        [['compatible', cstring('kho-v1')]],
        [fdtNode('a', [['kho,recursive-fdt', list(0x2000)]]), fdtNode('b', [['kho,recursive-fdt', list(0x2000)]])],
      ),
    );
    builder.placeFdt(
      0x2000,
      fdtBlob(
        [['compatible', cstring('x-v1')]],
        [fdtNode('deep', [], [fdtNode('back', [['kho,recursive-fdt', list(0x1000)]])])],
      ),
    );
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(extractionFiles(graph, false).map((file) => [file.path, file.fragment])).toEqual([
      ['fdt', '0x1000'],
      ['sub_fdts/a', '0x2000'],
      ['sub_fdts/a.d/deep.back', '0x1000'],
      ['sub_fdts/b', '0x2000'],
    ]);
  });
});
