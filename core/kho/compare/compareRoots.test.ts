import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot, type KhoChildSpec } from '../../build/placeKhoRoot';
import { cstring, u64 } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import type { KhoGraph } from '../model/KhoGraph';
import { openImage } from '../../mem/openImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import { compareRoots } from './compareRoots';
import { renderComparisonText } from './renderComparisonText';
import { buildKexecChain } from '../../build/kexecChain';
import { incomingAndOutgoing } from '../roles/incomingAndOutgoing';

const BASE = 0x4000_0000;

/** A memblock-like blob with one region whose size is `size`, and optionally an extra node. */
function memblock(size: number, extraNode = false) {
  const region = fdtNode('demo1', [
    ['compatible', cstring('reserve-mem-v1')],
    ['start', u64(0x4008_0000)],
    ['size', u64(size)],
  ]);
  return fdtBlob(
    [['compatible', cstring('memblock-v1')]],
    extraNode ? [region, fdtNode('demo2', [['compatible', cstring('reserve-mem-v1')]])] : [region],
  );
}

/** One image: a kho-v4 root at `rootAt` with the given children. */
async function image(rootAt: number, children: KhoChildSpec[]): Promise<KhoGraph> {
  const builder = new KhoImageBuilder({ ram: [{ start: BASE, end: BASE + 0x20_0000 }] });
  placeKhoRoot(builder, { address: rootAt, compatible: 'kho-v4', map: 'radix-tree', children });
  return decodeKhoGraph(builder.memory, { roots: [rootAt] });
}

function compare(a: KhoGraph, b: KhoGraph) {
  return compareRoots({ graph: a, root: a.roots[0], label: 'a' }, { graph: b, root: b.roots[0], label: 'b' });
}

describe('compareRoots', () => {
  it('finds two trees equal when every blob moved but nothing else changed, and lists the moved pointers', async () => {
    const a = await image(BASE + 0x1000, [
      { name: 'memblock', address: BASE + 0x8000, blob: memblock(0x40_0000) },
      { name: 'user', address: BASE + 0x9000, blob: fdtBlob([['compatible', cstring('user-v1')]]) },
    ]);
    const b = await image(BASE + 0x3000, [
      { name: 'memblock', address: BASE + 0x10000, blob: memblock(0x40_0000) },
      { name: 'user', address: BASE + 0x11000, blob: fdtBlob([['compatible', cstring('user-v1')]]) },
    ]);
    const comparison = compare(a, b);
    expect(comparison.equal).toBe(true);
    expect(comparison.counts).toEqual({ added: 0, removed: 0, changed: 0, moved: 2 });
    expect(comparison.changes.map((change) => change.summary)).toEqual([
      'pointer preserved-data of /memblock moved 0x40008000 → 0x40010000',
      'pointer preserved-data of /user moved 0x40009000 → 0x40011000',
    ]);
    expect(comparison.fragments).toEqual([
      { path: '/', a: '0x40001000', b: '0x40003000', status: 'same' },
      { path: '/memblock', a: '0x40008000', b: '0x40010000', status: 'same' },
      { path: '/user', a: '0x40009000', b: '0x40011000', status: 'same' },
    ]);
  });

  it('lists added, removed and changed fragments, nodes and properties with typed readings', async () => {
    const a = await image(BASE + 0x1000, [
      { name: 'memblock', address: BASE + 0x8000, blob: memblock(0x40_0000) },
      { name: 'old', address: BASE + 0x9000, blob: fdtBlob([['compatible', cstring('old-v1')]]) },
    ]);
    const b = await image(BASE + 0x1000, [
      { name: 'memblock', address: BASE + 0x8000, blob: memblock(0x80_0000, true) },
      { name: 'new', address: BASE + 0x9000, blob: fdtBlob([['compatible', cstring('new-v1')]]) },
    ]);
    const comparison = compare(a, b);
    expect(comparison.equal).toBe(false);
    const size = comparison.changes.find((change) => change.name === 'size');
    expect(size).toMatchObject({
      kind: 'changed',
      level: 'property',
      path: '/memblock',
      fragmentA: '0x40008000',
      fragmentB: '0x40008000',
      node: '/demo1',
      before: { text: '0x400000', reading: 'u64 LE', bytes: '00 00 40 00 00 00 00 00', length: 8 },
      after: { text: '0x800000', reading: 'u64 LE', bytes: '00 00 80 00 00 00 00 00', length: 8 },
    });
    const summaries = comparison.changes.map((change) => `${change.kind} ${change.path}: ${change.summary}`);
    expect(summaries).toContain('added /memblock: node /demo2 added (with 1 property and 0 subnodes)');
    expect(summaries).toContain('removed /: node /old removed (with 2 properties and 0 subnodes)');
    expect(summaries).toContain('changed /: property blob-size of /memblock 0xca (202) → 0xf6 (246)');
    expect(summaries).toContain('added /: node /new added (with 2 properties and 0 subnodes)');
    expect(summaries).toContain('removed /old: fragment 0x40009000 (fdt old-v1, 103 bytes) removed');
    expect(summaries).toContain('added /new: fragment 0x40009000 (fdt new-v1, 103 bytes) added');
    expect(comparison.fragments.map((pair) => `${pair.path} ${pair.status}`)).toEqual([
      '/ changed',
      '/memblock changed',
      '/old removed',
      '/new added',
    ]);
    expect(renderComparisonText(comparison)).toContain(
      '  ~ property /demo1 size: 0x400000 (u64 LE) → 0x800000 (u64 LE)\n',
    );
  });

  it('reports a blob whose format changed as one change of the fragment, not of each of its values', async () => {
    const a = await image(BASE + 0x1000, [{ name: 'user', address: BASE + 0x8000, blob: memblock(1) }]);
    const b = await image(BASE + 0x1000, [{ name: 'user', address: BASE + 0x8000, blob: new Uint8Array(64) }]);
    const comparison = compare(a, b);
    expect(comparison.equal).toBe(false);
    expect(comparison.changes.at(-1)).toMatchObject({
      kind: 'changed',
      level: 'fragment',
      path: '/user',
      name: 'format',
      summary: 'fragment format fdt memblock-v1 → unknown',
    });
  });

  it('keeps at most maxChanges changes and counts the rest', async () => {
    const a = await image(BASE + 0x1000, [{ name: 'memblock', address: BASE + 0x8000, blob: memblock(1) }]);
    const b = await image(BASE + 0x1000, [{ name: 'other', address: BASE + 0x8000, blob: memblock(2, true) }]);
    const all = compare(a, b);
    const cut = compareRoots({ graph: a, root: a.roots[0] }, { graph: b, root: b.roots[0] }, { maxChanges: 1 });
    expect(cut.changes).toHaveLength(1);
    expect(cut.droppedChanges).toBe(all.changes.length - 1);
    expect(cut.counts).toEqual(all.counts);
  });

  it('throws a plain RangeError for a root that was not decoded', async () => {
    const a = await image(BASE + 0x1000, []);
    const broken = { ...a.roots[0], fragment: null };
    expect(() => compareRoots({ graph: a, root: broken, label: 'x' }, { graph: a, root: a.roots[0] })).toThrow(
      'the root at 0x40001000 of x could not be decoded, so there is no tree to compare',
    );
  });

  it('shows what the real Linux 7.3 kernel added at kexec: the LUO session and its memfd', async () => {
    const fixtures = join(__dirname, '../../../fixtures/linux-7.3');
    const decode = async (name: string) =>
      decodeKhoGraph(await openImage(new BytesSource(readFileSync(join(fixtures, name)), name)));
    const before = await decode('pre-kexec.carved.elf');
    const after = await decode('at-kexec.carved.elf');
    const comparison = compare(before, after);
    expect(comparison.equal).toBe(false);
    expect(comparison.counts).toEqual({ added: 7, removed: 0, changed: 1, moved: 0 });
    expect(comparison.changes[0]).toMatchObject({
      kind: 'changed',
      level: 'field',
      path: '/LUO',
      name: 'sessions_pa',
      before: { text: '0x0', reading: 'u64 LE' },
      after: { text: '0x1863000', reading: 'u64 LE' },
    });
    expect(comparison.changes.at(-1)).toMatchObject({
      kind: 'added',
      level: 'fragment',
      path: '/LUO › sessions[0].files[0].data',
      fragmentB: '0x1868000',
    });
    const same = compare(before, before);
    expect(same.equal).toBe(true);
    expect(same.changes).toEqual([]);
  });

  it('shows what survived a kexec hop: the incoming root against the outgoing one of a builder-made chain', async () => {
    const graph = await decodeKhoGraph(buildKexecChain(2).memory);
    const pair = incomingAndOutgoing(graph);
    if (!pair) throw new Error('the chain has no incoming and outgoing root');
    const comparison = compareRoots({ graph, root: pair.incoming }, { graph, root: pair.outgoing });
    const status = Object.fromEntries(comparison.fragments.map((f) => [f.path, f.status]));
    // memblock blobs of consecutive kernels are byte-identical: only the pointer moved.
    expect(status['/memblock']).toBe('same');
    expect(comparison.changes).toContainEqual(
      expect.objectContaining({ kind: 'moved', path: '/', node: '/memblock', name: 'preserved-data' }),
    );
    // kho_test was only restored by B: gone from its outgoing tree.
    expect(status['/kho_test']).toBe('removed');
    // The consumed LUO page was reused; B's own LUO holds its new session and the memfd.
    expect(comparison.changes).toContainEqual(
      expect.objectContaining({
        kind: 'changed',
        path: '/LUO',
        name: 'compatible',
        after: expect.objectContaining({ text: '"luo-v5"' }),
      }),
    );
    expect(comparison.changes).toContainEqual(
      expect.objectContaining({
        kind: 'added',
        path: '/LUO',
        name: 'sessions[0].name',
        after: expect.objectContaining({ text: '"db"' }),
      }),
    );
    expect(status['/LUO › sessions[0].files[0].data']).toBe('added');
    // The consumed map preserves nothing; the outgoing one does.
    expect(comparison.changes).toContainEqual(
      expect.objectContaining({
        level: 'map',
        name: 'bytes preserved',
        before: expect.objectContaining({ text: '0' }),
      }),
    );
  });
});
