import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../build/fdtTree';
import { encodeKexecMetadata } from '../build/rawStructs';
import { cstring, u64 } from '../build/values';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import type { DebugfsImage, DtbImage } from '../../mem/OpenedImage';
import { BytesSource } from '../../mem/sources/BytesSource';

const memblock = fdtBlob([['compatible', cstring('memblock-v1')]]);
const metadata = encodeKexecMetadata({ previousRelease: '7.3.4', kexecCount: 1 });

function root(names: string[]): Uint8Array {
  return fdtBlob(
    [['compatible', cstring('kho-v4')], ['preserved-memory-map', u64(0x239000)]],
    names.map((name, i) => fdtNode(name, [['blob-size', u64(64)], ['preserved-data', u64(0x100000 * (i + 1))]])),
  );
}

function blobSet(rootBytes: Uint8Array, children: [string, Uint8Array][], warnings: string[] = []): DebugfsImage {
  return { kind: 'debugfs', root: rootBytes, children: new Map(children), scratch: [{ start: 0x1b400000, size: 0x3800000 }], files: [], warnings };
}

describe('debugfs blob sets', () => {
  it('resolves root children by name from sub_fdts/ and keeps their pointers', async () => {
    const graph = await decodeKhoGraph(blobSet(root(['memblock', 'kexec-metadata']), [['memblock', memblock], ['kexec-metadata', metadata]]));
    expect(graph.source).toMatchObject({ kind: 'debugfs' });
    expect(graph.roots[0]).toMatchObject({ fragment: 'fdt', address: null, how: 'debugfs', compatible: 'kho-v4', map: null });
    expect(graph.links.map((l) => [l.from.node, l.scheme, l.addresses, l.to])).toEqual([
      ['/memblock', 'preserved-data', [0x100000], 'sub_fdts/memblock'],
      ['/kexec-metadata', 'preserved-data', [0x200000], 'sub_fdts/kexec-metadata'],
    ]);
    expect(graph.fragments.map((f) => [f.id, f.format, f.location.kind])).toEqual([
      ['fdt', 'fdt', 'file'],
      ['sub_fdts/memblock', 'fdt', 'file'],
      ['sub_fdts/kexec-metadata', 'kexec-metadata', 'file'],
    ]);
    expect(graph.scratchAreas).toEqual([{ id: 'scratch:0', address: 0x1b400000, size: 0x3800000, source: 'debugfs scratch_phys/scratch_len' }]);
    expect(graph.diagnostics.map((d) => d.code)).toEqual(['no-physical-memory']);
  });

  it('explains a root the kernel truncated and takes the children from sub_fdts/', async () => {
    const full = root(['memblock', 'kexec-metadata']);
    const graph = await decodeKhoGraph(blobSet(full.subarray(0, 120), [['memblock', memblock], ['kexec-metadata', metadata]]));
    expect(graph.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'debugfs-root-truncated', location: { fragment: 'fdt', offset: 120 } });
    expect(graph.diagnostics[0].message).toMatch(new RegExp(`^fdt holds 120 of the root FDT's ${full.length} bytes: debugfs fixed the file's size`));
    expect(graph.links.map((l) => [l.from.node, l.scheme, l.to])).toEqual([
      ['/memblock', 'debugfs-name', 'sub_fdts/memblock'],
      ['/kexec-metadata', 'debugfs-name', 'sub_fdts/kexec-metadata'],
    ]);
    expect(graph.fragments[2].user).toMatchObject({ user: 'kexec-metadata', previousRelease: '7.3.4' });
  });

  it('reports a child whose file is missing, and a file no child names', async () => {
    const graph = await decodeKhoGraph(blobSet(root(['memblock', 'gone']), [['memblock', memblock], ['stray', metadata]]));
    expect(graph.diagnostics.map((d) => [d.severity, d.code, d.location.node])).toEqual([
      ['info', 'no-physical-memory', '/'],
      ['info', 'unreferenced-blob', undefined],
      ['error', 'missing-file', '/gone'],
    ]);
    expect(graph.fragments.map((f) => f.id)).toEqual(['fdt', 'sub_fdts/memblock', 'sub_fdts/stray']);
  });

  it('decodes a lone DTB as one fragment, noting the pointers it cannot follow', async () => {
    const image: DtbImage = { kind: 'dtb', bytes: root(['memblock']), source: new BytesSource(new Uint8Array(0), 'root.dtb'), warnings: [] };
    const graph = await decodeKhoGraph(image);
    expect(graph.fragments.map((f) => f.id)).toEqual(['dtb']);
    expect(graph.links).toMatchObject([{ from: { node: '/memblock' }, to: null }]);
    expect(graph.diagnostics.map((d) => d.code)).toEqual(['no-physical-memory', 'no-physical-memory']);
  });
  it("passes the container's own warnings on", async () => {
    const graph = await decodeKhoGraph(blobSet(root([]), [], ['ignored unrelated file notes.txt']));
    expect(graph.diagnostics).toMatchObject([{ severity: 'info', code: 'image-warning', message: 'ignored unrelated file notes.txt' }, { code: 'no-physical-memory' }]);
  });
});
