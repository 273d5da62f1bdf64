import { describe, expect, it } from 'vitest';
import { buildKexecChain } from '../../build/kexecChain';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { encodeFeatureHeader, encodeLuoFeatureSer } from '../../build/rawStructs';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import { catalogueEntries } from './formatCatalogue';
import { imageFormats } from './imageFormats';
import { judgeCompatibility, parseRelease } from './judgeCompatibility';
import { renderCompatText } from './renderCompatText';

async function chainReport(target: string | null) {
  const graph = await decodeKhoGraph(buildKexecChain(3).memory);
  return judgeCompatibility(imageFormats(graph), target);
}

/** A kho-v4 root (composite compatible when given) whose LUO is the feature-bit luo_ser. */
async function featureReport(target: string, supported: number, compatible = 'kho-v4') {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
  const features = encodeFeatureHeader({ supported, required: supported, active: supported });
  placeKhoRoot(builder, {
    address: 0x1000,
    compatible,
    map: 'radix-tree',
    children: [
      {
        name: 'LUO',
        address: 0x8000,
        blob: encodeLuoFeatureSer({ features, liveupdateNum: 1, sessionsPa: 0, flbsPa: 0 }),
      },
    ],
  });
  return judgeCompatibility(imageFormats(await decodeKhoGraph(builder.memory, { roots: [0x1000] })), target);
}

describe('khoscope compat: formats in an image and the kernels that read them', () => {
  it('lists the outgoing tree’s formats with where they are (not the consumed roots’)', async () => {
    const report = await chainReport(null);
    // Sorted: the order follows the decode, which the test does not fix.
    expect(report.items.map((i) => [i.id, i.where]).sort()).toEqual([
      ['kexec-metadata-v1', 'blob 0x302000'],
      ['kho-test-v1', 'blob 0x309000'],
      ['kho-v4', 'root 0x300000 compatible'],
      ['luo-v5', 'LUO blob 0x303000'],
      ['memblock-v1', 'blob 0x301000'],
      ['memfd-v2', 'LUO session "vm" (sessions[0]) file 0'],
      ['radix-tree', 'root 0x300000 preserved-memory-map'],
    ]);
    expect(report.items.find((i) => i.id === 'kho-v4')?.readers).toBe('7.2 to 7.3 (newest catalogued)');
    expect(report.answer).toBeNull();
  });

  it('answers yes for 7.3, no for 6.19 (with the reason), unknown for 7.4', async () => {
    expect((await chainReport('7.3')).answer).toBe('yes');
    const old = await chainReport('6.19');
    expect(old.answer).toBe('no');
    expect(old.reasons).toContain('kho-v4 (root 0x300000 compatible): first read by 7.2');
    const next = await chainReport('7.4');
    expect(next.answer).toBe('unknown');
    expect(next.reasons).toContain(
      'memblock-v1 (blob 0x301000): read by 6.16 to 7.3; no change to it is catalogued, but no 7.4 source confirms it is still read',
    );
    expect(next.reasons).toContain(
      'luo-v5 (LUO blob 0x303000): read by 7.2 to 7.3; its successor luo-features is queued in the mm tree, and whether 7.4 reads luo-v5 or luo-features is not known',
    );
    // Not a bare "unknown": what is known about 7.4, part by part, each said to be confirmed or not.
    expect(next.known).toEqual([
      'no change catalogued (most likely still read by 7.4; not confirmed, no 7.4 source catalogued): radix-tree, memblock-v1, kexec-metadata-v1, kho-test-v1',
      expect.stringMatching(/^successor proposed .*: kho-v4 -> kho-v4;block-v1;radix-v1;vmalloc-v1 \(composite/),
      expect.stringMatching(
        /^successor queued in the mm tree, 7.4 may read that instead \(unknown\): luo-v5 -> luo-features/,
      ),
      expect.stringMatching(/^successor queued in the mm tree, .*: memfd-v2 -> memfd /),
      expect.stringMatching(/^not confirmed: 7.4-rc1 renames debugfs kho\/out scratch_phys/),
    ]);
    expect((await chainReport('7.3')).known).toEqual([]);
    expect(renderCompatText(next)).toContain('what is known about 7.4:\n  no change catalogued');
  });

  it('feature bits: queued formats are read by no release up to 7.3; an unknown required bit leaves the answer unknown', async () => {
    const queued = await featureReport('7.3', 7);
    expect(queued.items.map((i) => [i.id, i.required ?? null])).toContainEqual(['luo:SESSIONS', true]);
    expect(queued.answer).toBe('no');
    expect(queued.reasons).toContain(
      'luo-features (LUO blob 0x8000): queued in the mm tree: no release up to 7.3 reads it',
    );
    const unknownBit = await featureReport('7.4', 0x1007);
    expect(unknownBit.items.map((i) => i.id)).toContain('luo:bit 12');
    expect(unknownBit.answer).toBe('unknown');
    expect(unknownBit.reasons).toContain(
      'luo:bit 12 (LUO blob 0x8000 feature header): khoscope has no facts about "luo:bit 12"',
    );
  });

  it('splits a composite root compatible into its parts, each looked up on its own', async () => {
    const report = await featureReport('7.3', 7, 'kho-v4;radix-v1;vmalloc-v1');
    expect(report.items.slice(0, 3).map((i) => [i.id, i.where])).toEqual([
      ['kho-v4', 'root 0x1000 compatible'],
      ['radix-v1', 'root 0x1000 compatible part'],
      ['vmalloc-v1', 'root 0x1000 compatible part'],
    ]);
    expect(report.reasons).toContain(
      'radix-v1 (root 0x1000 compatible part): only proposed (RFC or patches): no release up to 7.3 reads it',
    );
  });

  it('renders text, parses releases, and cites a source for every catalogue entry', async () => {
    const text = renderCompatText(await chainReport('6.19'));
    expect(text).toContain('kho-v4             root 0x300000 compatible: read by 7.2 to 7.3 (newest catalogued)  [no]');
    expect(text).toContain('can 6.19 take over from this image? no');
    expect(parseRelease('7.4-rc1')).toBe('7.4');
    expect(parseRelease('seven')).toBeNull();
    for (const entry of catalogueEntries()) expect(entry.source.length).toBeGreaterThan(5);
  });
});
