import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readU64 } from '../core/bytes/readers';
import { decodeKhoGraph } from '../core/kho/decode/decodeKhoGraph';
import { blockHolding, mapBlocks } from '../core/kho/maps/mapBlocks';
import type { PreservedBlock } from '../core/kho/maps/PreservedBlock';
import { openImage } from '../core/mem/openImage';
import { BytesSource } from '../core/mem/sources/BytesSource';
import { buildDemos } from './demoCatalog';

/**
 * The kho-v4 demo teaches what a kernel writes, so its radix map must hold
 * what Linux 7.3 writes: one (order, pfn) entry per folio, each of the
 * folio's own order (issue 11; the real fixture holds 45 such entries). The
 * folio addresses are read from the built memory by the kernel's layouts,
 * not from the decoder's claims, so this test does not grade the decoder
 * with itself.
 */
const root = resolve(import.meta.dirname, '..');
const demo = buildDemos(join(root, 'demos')).find((d) => d.entry.id === 'kho-v4')!;
const { spec, built } = demo.image;
const ps = spec.pageSize;

/** A memfd folio record's pfn: the low 52 bits of its first u64 (flags are the top 12; kho-format.md §6.4). */
const PFN_MASK = (1n << 52n) - 1n;

/** The u64 words of a vmalloc area's pages, `count` of them, read from the built memory. */
function areaWords(pieces: readonly number[], count: number, stride: number): bigint[] {
  const bytes = new Uint8Array(pieces.length * ps);
  pieces.forEach((page, i) => bytes.set(built.memory.readSync(page, ps), i * ps));
  return Array.from({ length: count }, (_, i) => readU64(bytes, i * stride, 'le'));
}

const graph = await decodeKhoGraph(await openImage(new BytesSource(demo.image.file, demo.entry.file)));
const map = graph.roots[0].map!;
const areaOf = (property: string) => graph.vmallocAreas.find((area) => area.owner.property === property)!;
const khoTest = spec.fragments.get('kho_test')!;
const memfd = spec.fragments.get('memfd')!;
if (khoTest.kind !== 'kho-test' || memfd.kind !== 'memfd') throw new Error('the demo spec lost its folios');

const khoTestFolios: PreservedBlock[] = areaWords(areaOf('folios_info').pieces, khoTest.folios.length, 8).map(
  (word) => ({ address: Number(word & ~0xfffn), order: Number(word & 0xfffn) }),
);
const memfdFolios: PreservedBlock[] = areaWords(areaOf('folios').pieces, memfd.folios.length, 16).map((word) => ({
  address: Number(word & PFN_MASK) * ps,
  order: 0,
}));

describe('the kho-v4 demo map', () => {
  it('is a complete radix tree', () => {
    expect(map.encoding).toBe('radix-tree');
    expect(map.status).toBe('complete');
  });

  it("has kho_test's folios, each with the order the spec declares", () => {
    expect(khoTestFolios.map((folio) => folio.order)).toEqual(khoTest.folios.map((folio) => folio.order));
  });

  it('holds one entry per declared folio, of exactly its order', () => {
    for (const folio of [...khoTestFolios, ...memfdFolios])
      expect(blockHolding(map, folio.address), `folio at ${folio.address.toString(16)}`).toEqual(folio);
  });

  it('fuses nothing: every entry above order 0 is a declared folio or a reserve_mem region', () => {
    const allowed = new Set([
      ...[...khoTestFolios, ...memfdFolios].map((folio) => `${folio.order}:${folio.address}`),
      ...spec.preserve.map((region) => `${Math.log2((region.end - region.start) / ps)}:${region.start}`),
    ]);
    const large = mapBlocks(map).filter((block) => block.order > 0);
    expect(large.length).toBeGreaterThan(0);
    for (const block of large)
      expect(allowed, `order ${block.order} at ${block.address.toString(16)}`).toContain(
        `${block.order}:${block.address}`,
      );
  });

  it('has no diagnostics (no wrong-map-entry, no not-preserved)', () => {
    expect(graph.diagnostics).toEqual([]);
  });
});
