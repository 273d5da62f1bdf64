import { beforeAll, describe, expect, it } from 'vitest';
import { decodeKhoGraph } from '../core/kho/decode/decodeKhoGraph';
import { openImage } from '../core/mem/openImage';
import { BytesSource } from '../core/mem/sources/BytesSource';
import { checkExtractRoundTrip } from './extractRoundTrip';
import { makeInput, prepareFamilies } from './families';
import { packFiles, unpackFiles } from './fileSet';
import { runTarget } from './runTarget';
import { seedSets } from './seedSets';

/** Inputs made and run here. */
const COUNT = 24;

async function decodeSet(files: { name: string; bytes: Uint8Array }[]) {
  return decodeKhoGraph(await openImage(files.map((file) => new BytesSource(file.bytes, file.name))));
}

describe('fuzz family debugfs', () => {
  beforeAll(() => prepareFamilies(['debugfs']));

  it('is deterministic per (seed, index)', () => {
    for (let index = 0; index < COUNT; index++)
      expect(makeInput('debugfs', 21, index)).toEqual(makeInput('debugfs', 21, index));
    expect(makeInput('debugfs', 21, 0)).not.toEqual(makeInput('debugfs', 22, 0));
  });

  it('makes sets of named files that the image pipeline accepts or refuses', async () => {
    let sets = 0;
    for (let index = 0; index < COUNT; index++) {
      const input = makeInput('debugfs', 21, index);
      expect(input.target).toBe('image');
      const files = unpackFiles(input.bytes, input.files ?? []);
      if (files.length > 1) sets++;
      const outcome = await runTarget(input);
      expect(['ok', 'refused'], `input ${index} (${input.what}): ${outcome.message}`).toContain(outcome.kind);
    }
    expect(sets).toBeGreaterThan(COUNT / 2);
  });

  it('starts from the real kernel kho/out and every demo root, each of which survives extract and reopen', async () => {
    const sets = seedSets();
    expect(sets[0].files.map((file) => file.name)).toEqual([
      'fdt',
      'scratch_len',
      'scratch_phys',
      'sub_fdts/LUO',
      'sub_fdts/kexec-metadata',
      'sub_fdts/kho_test',
      'sub_fdts/memblock',
    ]);
    expect(sets.length).toBeGreaterThan(5);
    let claimed = 0;
    for (const set of sets) {
      const verdict = await checkExtractRoundTrip(await decodeSet(set.files));
      if (verdict.claimed) {
        claimed++;
        expect(verdict.broken, set.name).toBeNull();
      }
    }
    expect(claimed).toBeGreaterThan(3);
  });

  it('reports an extraction that loses a fragment', async () => {
    const graph = await decodeSet(seedSets()[0].files);
    const dropped = graph.links.find((link) => link.to === 'sub_fdts/memblock');
    expect(dropped).toBeDefined();
    const verdict = await checkExtractRoundTrip({ ...graph, links: graph.links.filter((link) => link !== dropped) });
    expect(verdict).toEqual({ claimed: true, broken: 'extract writes no file for fragment sub_fdts/memblock' });
  });

  it('packs and unpacks files back to back, and refuses a directory that does not add up', () => {
    const packed = packFiles([
      { name: 'fdt', bytes: new Uint8Array([1, 2]) },
      { name: 'sub_fdts/a', bytes: new Uint8Array([3]) },
    ]);
    expect(packed.files).toEqual([
      { name: 'fdt', length: 2 },
      { name: 'sub_fdts/a', length: 1 },
    ]);
    expect(unpackFiles(packed.bytes, packed.files).map((file) => [...file.bytes])).toEqual([[1, 2], [3]]);
    expect(() => unpackFiles(packed.bytes, [{ name: 'fdt', length: 2 }])).toThrow(/hold 2 of 3 bytes/);
    expect(() => unpackFiles(packed.bytes, [{ name: 'fdt', length: 4 }])).toThrow(/runs past 3 bytes/);
  });
});
