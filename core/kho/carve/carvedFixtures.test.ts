import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openImage } from '../../mem/openImage';
import { NodeFileSource } from '../../mem/sources/NodeFileSource';
import { linuxFixturesPresent } from '../../mem/testing/NodeSharedFixtures';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import { carveImage } from './carveImage';
import { CARVE_NOTE_NAME } from './carveNotes';
import { exportedBytes, openMemoryImage } from './testing/carveScenarios';
import {
  CARVED_IMAGES,
  carvedFixturePath,
  originalFixturePath,
  type CarvedFixture,
} from './testing/NodeCarvedFixtures';

const FIXTURES = Object.values(CARVED_IMAGES) as CarvedFixture[];

/** The carve of the image at `path`, as bytes. */
async function carveFile(path: string): Promise<Uint8Array> {
  const source = await NodeFileSource.open(path);
  try {
    const image = await openImage(source);
    if (image.kind !== 'memory') throw new Error(`${path} is not a memory image`);
    return await exportedBytes((await carveImage(image)).file);
  } finally {
    await source.close();
  }
}

describe('the committed carved Linux 7.3.4 images', () => {
  it('are small and say what they are: carved, from root 0x23a000, 4 KiB pages of 7.3.4, no other VMCOREINFO', async () => {
    for (const fixture of FIXTURES) {
      const bytes = new Uint8Array(readFileSync(carvedFixturePath(fixture)));
      expect(bytes.length, fixture.file).toBeLessThan(512 * 1024);
      const image = await openMemoryImage(bytes, fixture.file);
      expect(Object.fromEntries(image.notes.vmcoreinfo!)).toEqual({ OSRELEASE: '7.3.4', PAGESIZE: '4096' });
      const note = image.notes.entries.find((entry) => entry.name === CARVE_NOTE_NAME);
      expect(new TextDecoder().decode(note!.desc)).toContain('ROOTS=0x23a000\n');
    }
  });

  it('hold none of the preserved data: the memfd records and the reserve-mem regions read as zero-fill', async () => {
    const bytes = new Uint8Array(readFileSync(carvedFixturePath(CARVED_IMAGES.atKexec)));
    expect(Buffer.from(bytes).includes('KHO-MEMFD-DEMO')).toBe(false);
    const image = await openMemoryImage(bytes, 'at-kexec.carved.elf');
    const graph = await decodeKhoGraph(image);
    const memfd = graph.fragments.find((f) => f.id === '0x1868000')!.user as { folios: { address: number }[] };
    const memblock = graph.fragments.find((f) => f.id === '0x1847000')!.user as {
      ranges: { start: number; size: bigint }[];
    };
    const dataPages = [
      ...memfd.folios.map((folio) => folio.address),
      ...memblock.ranges.flatMap((range) => [range.start, range.start + Number(range.size) - 4096]),
    ];
    expect(dataPages).toHaveLength(8);
    for (const page of dataPages)
      expect(await image.memory.pageState(page), `0x${page.toString(16)}`).toBe('zero-fill');
  });

  it('carve to themselves again, byte for byte', async () => {
    for (const fixture of FIXTURES) {
      const path = carvedFixturePath(fixture);
      expect(Buffer.from(await carveFile(path)).equals(readFileSync(path)), fixture.file).toBe(true);
    }
  });

  const shared = linuxFixturesPresent(
    'core/kho/carve/carvedFixtures.test.ts (the committed carved images against a fresh carve of the originals)',
  );
  // Registered only when the originals are there (the warning above says when they are not).
  if (shared) {
    it('are what carving the shared originals gives today (else run scripts/carve-fixtures.ts)', async () => {
      for (const fixture of FIXTURES) {
        const fresh = await carveFile(await originalFixturePath(fixture));
        expect(
          Buffer.from(fresh).equals(readFileSync(carvedFixturePath(fixture))),
          `${fixture.file} is stale: run node bin/run-ts.js scripts/carve-fixtures.ts`,
        ).toBe(true);
      }
    });
  }
});
