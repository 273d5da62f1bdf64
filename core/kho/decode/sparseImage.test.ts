import { mkdtemp, open as openFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImage } from '../../mem/openImage';
import { CountingSource } from '../../mem/sources/CountingSource';
import { NodeFileSource } from '../../mem/sources/NodeFileSource';
import { buildElfCore } from '../../mem/testing/ElfCoreBuilder';
import { buildSeedExample } from '../../build/seedExample';
import { decodeKhoGraph } from './decodeKhoGraph';

const GiB = 2 ** 30;
const PAGE = 4096;

// The seed example's pages inside a 16 GiB ELF core that is otherwise holes
// on disk: decoding the tree from its root must read the tree's pages, not
// the image.
describe('the seed example in a sparse 16 GiB ELF core', () => {
  let dir: string;
  let path: string;
  const seed = buildSeedExample();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'khoscope-sparse-tree-'));
    path = join(dir, 'sparse.elf');
    const segment = { paddr: 0, offset: PAGE, filesz: 16 * GiB, memsz: 16 * GiB };
    const built = buildElfCore({ elfClass: 64, littleEndian: true, segments: [segment] });
    const handle = await openFile(path, 'w');
    try {
      for (const piece of built.pieces) await handle.write(piece.bytes, 0, piece.bytes.length, piece.offset);
      for (const page of seed.memory.writtenPages()) {
        await handle.write(seed.memory.readSync(page, PAGE), 0, PAGE, segment.offset + page);
      }
      await handle.truncate(PAGE + 16 * GiB);
    } finally {
      await handle.close();
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('decodes every fragment while reading only the pages the tree uses', async () => {
    const file = await NodeFileSource.open(path);
    try {
      const counting = new CountingSource(file);
      const image = await openImage(counting);
      const graph = await decodeKhoGraph(image, { roots: [seed.root] });
      expect(graph.fragments.map((f) => f.compatible).sort()).toEqual([
        'gpu-subnode1-v1',
        'gpu-v1',
        'kho-v1',
        'memblock-v1',
      ]);
      expect(graph.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // Five tree pages plus the ELF headers: far below a single MiB of a 16 GiB file.
      expect(counting.bytesRead).toBeLessThan(256 * 1024);
    } finally {
      await file.close();
    }
  });
});
