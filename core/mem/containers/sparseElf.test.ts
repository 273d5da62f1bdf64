import { mkdtemp, open as openFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImage } from '../openImage';
import { CountingSource } from '../sources/CountingSource';
import { NodeFileSource } from '../sources/NodeFileSource';
import { buildElfCore } from '../testing/ElfCoreBuilder';

const GiB = 2 ** 30;
const PAGE = 4096;
const marker = (address: number) =>
  Uint8Array.from({ length: PAGE }, (_, i) =>
    i < 8 ? (address / 2 ** (8 * i)) & 0xff : (i ^ (address >>> 12)) & 0xff,
  );

describe('a sparse 16 GiB ELF core on disk', () => {
  let dir: string;
  let path: string;
  // Four 4 GiB RAM segments; the file has holes everywhere except the header and a few pages.
  const segments = [0, 1, 2, 3].map((k) => ({
    paddr: k === 0 ? 0 : (k + 1) * 4 * GiB,
    offset: PAGE + k * 4 * GiB,
    filesz: 4 * GiB,
    memsz: 4 * GiB,
  }));
  const probes = [0x1000, 4 * GiB - PAGE, 8 * GiB + 0x23a000, 12 * GiB + 3 * GiB, 16 * GiB + 4 * GiB - PAGE];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'khoscope-sparse-'));
    path = join(dir, 'sparse.elf');
    const built = buildElfCore({ elfClass: 64, littleEndian: true, segments });
    const handle = await openFile(path, 'w');
    try {
      for (const piece of built.pieces) await handle.write(piece.bytes, 0, piece.bytes.length, piece.offset);
      for (const address of probes) {
        const segment = segments.find((s) => address >= s.paddr && address < s.paddr + s.memsz)!;
        await handle.write(marker(address), 0, PAGE, segment.offset + (address - segment.paddr));
      }
      await handle.truncate(PAGE + 16 * GiB);
    } finally {
      await handle.close();
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens it and reads pages while reading only a few hundred KiB', async () => {
    const file = await NodeFileSource.open(path);
    try {
      expect(file.size).toBe(PAGE + 16 * GiB);
      const counting = new CountingSource(file);
      const image = await openImage(counting);
      if (image.kind !== 'memory') throw new Error('expected memory');
      expect(image.memory.ranges).toEqual([
        { start: 0, end: 4 * GiB },
        { start: 8 * GiB, end: 20 * GiB },
      ]);
      for (const address of probes) expect(await image.memory.read(address, PAGE)).toEqual(marker(address));
      expect(await image.memory.read(10 * GiB, 16)).toEqual(new Uint8Array(16));
      expect(counting.bytesRead).toBeLessThan(512 * 1024);
      expect(counting.reads).toBeLessThan(20);
    } finally {
      await file.close();
    }
  });
});
