import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtDocument, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { encodeAnchorPage } from '../discover/encodeAnchorPage';
import { cstring, u64 } from '../../bytes/encoders';
import { findKhoRoots } from '../discover';
import { decodeKhoGraph } from './decodeKhoGraph';

const RAM = [{ start: 0, end: 0x100_0000 }];
const WEAK = 0x40_0000;

/** Two good roots, a broken anchor chain discovery rejects, and a root with more evidence against it than for it. */
function image() {
  const builder = new KhoImageBuilder({ ram: RAM });
  placeKhoRoot(builder, {
    address: 0x2000,
    compatible: 'kho-v4',
    map: 'radix-tree',
    children: [{ name: 'memblock', address: 0x8000, blob: fdtDocument([['compatible', cstring('memblock-v1')]]) }],
  });
  placeKhoRoot(builder, {
    address: 0x10_0000,
    compatible: 'kho-v4',
    map: 'chunk-list',
    children: [{ name: 'other', address: 0x11_0000, blob: fdtDocument([['compatible', cstring('other-v1')]]) }],
  });
  builder.placeBytes(0x3000, encodeAnchorPage(4096, { next: 0x5000, fdtSize: 100, pages: [0x4000] }));
  const dangling = Array.from({ length: 6 }, (_, i) =>
    fdtNode(`c${i}`, [['preserved-data', u64(0x4000_0000 + i * 0x1000)]]),
  );
  builder.placeFdt(
    WEAK,
    fdtBlob(
      [
        ['compatible', cstring('kho-v2')],
        ['preserved-memory-map', u64(0x4000_0000)],
      ],
      dangling,
    ),
  );
  return builder.memory;
}

describe('decodeKhoGraph with a scan the caller already ran', () => {
  it('decodes what its own discovery decodes, with the same diagnostics', async () => {
    const memory = image();
    const discovered = await decodeKhoGraph(memory);
    expect(discovered.roots.map((root) => root.address)).toEqual([0x2000, 0x10_0000]);
    expect(discovered.diagnostics.map((d) => d.code)).toContain('anchor-chain');
    const scan = await findKhoRoots(memory, { pageSize: 4096 });
    expect(await decodeKhoGraph(memory, { scan })).toEqual(discovered);
  });

  it('decodes the roots chosen from the scan as discovery would, also from a copy without maps', async () => {
    const memory = image();
    const discovered = await decodeKhoGraph(memory);
    const scan = await findKhoRoots(memory, { pageSize: 4096 });
    expect(await decodeKhoGraph(memory, { scan, roots: [0x2000, 0x10_0000] })).toEqual(discovered);
    const copy = { ...scan, candidates: scan.candidates.map(({ map: _map, ...rest }) => rest) };
    const fromCopy = await decodeKhoGraph(memory, { scan: structuredClone(copy), roots: [0x2000, 0x10_0000] });
    expect(fromCopy.roots.map((root) => [root.how, root.rank, root.map?.blockCount])).toEqual(
      discovered.roots.map((root) => [root.how, root.rank, root.map?.blockCount]),
    );
    expect(fromCopy.diagnostics).toEqual(discovered.diagnostics);
  });

  it('warns about a chosen weak root, and calls a root the scan did not find given', async () => {
    const memory = image();
    const scan = await findKhoRoots(memory, { pageSize: 4096 });
    const weak = scan.candidates.find((candidate) => candidate.address === WEAK);
    expect(weak?.rank).toBeLessThanOrEqual(0);
    const graph = await decodeKhoGraph(memory, { scan, roots: [WEAK, 0x8000] });
    expect(graph.roots.map((root) => [root.address, root.how, root.rank])).toEqual([
      [WEAK, weak?.how, weak?.rank],
      [0x8000, 'given', null],
    ]);
    expect(graph.diagnostics.filter((d) => d.code === 'weak-root')).toMatchObject([
      { severity: 'warning', location: { address: WEAK } },
    ]);
  });

  it('does not scan again: an empty scan means no root, whatever the memory holds', async () => {
    const graph = await decodeKhoGraph(image(), { scan: { candidates: [], rejected: [], problems: [] } });
    expect(graph.roots).toEqual([]);
    expect(graph.diagnostics.map((d) => `${d.severity}:${d.code}`)).toEqual(['error:no-root']);
  });
});
