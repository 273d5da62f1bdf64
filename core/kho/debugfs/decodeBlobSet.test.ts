import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../build/fdtTree';
import { encodeKexecMetadata } from '../../build/rawStructs';
import { cstring, u64 } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import type { FdtContent } from '../model/FdtContent';
import type { KhoGraph } from '../model/KhoGraph';
import type { DebugfsImage, DtbImage } from '../../mem/OpenedImage';
import { BytesSource } from '../../mem/sources/BytesSource';

const memblock = fdtBlob([['compatible', cstring('memblock-v1')]]);
const metadata = encodeKexecMetadata({ previousRelease: '7.3.4', kexecCount: 1 });

function root(names: string[]): Uint8Array {
  return fdtBlob(
    [
      ['compatible', cstring('kho-v4')],
      ['preserved-memory-map', u64(0x239000)],
    ],
    names.map((name, i) =>
      fdtNode(name, [
        ['blob-size', u64(64)],
        ['preserved-data', u64(0x100000 * (i + 1))],
      ]),
    ),
  );
}

/** The decoded content of the root file. */
function rootContent(graph: KhoGraph): FdtContent {
  const content = graph.fragments.find((f) => f.id === 'fdt')?.content;
  if (content?.kind !== 'fdt') throw new Error('the root file has no FDT content');
  return content;
}

/** Layout of `root(['memblock', 'kexec-metadata'])` (dtc's): structure block at 56, strings block at 236, 293 bytes. */
const ROOT_STRINGS = 236;

function blobSet(rootBytes: Uint8Array, children: [string, Uint8Array][], warnings: string[] = []): DebugfsImage {
  return {
    kind: 'debugfs',
    root: rootBytes,
    children: new Map(children),
    scratch: [{ start: 0x1b400000, size: 0x3800000 }],
    scratchNaming: 'scratch',
    cmdline: null,
    files: [],
    warnings,
  };
}

describe('debugfs blob sets', () => {
  it('resolves root children by name from sub_fdts/ and keeps their pointers', async () => {
    const graph = await decodeKhoGraph(
      blobSet(root(['memblock', 'kexec-metadata']), [
        ['memblock', memblock],
        ['kexec-metadata', metadata],
      ]),
    );
    expect(graph.source).toMatchObject({ kind: 'debugfs' });
    expect(graph.roots[0]).toMatchObject({
      fragment: 'fdt',
      address: null,
      how: 'debugfs',
      compatible: 'kho-v4',
      map: null,
    });
    expect(graph.links.map((l) => [l.from.node, l.scheme, l.addresses, l.to])).toEqual([
      ['/memblock', 'preserved-data', [0x100000], 'sub_fdts/memblock'],
      ['/kexec-metadata', 'preserved-data', [0x200000], 'sub_fdts/kexec-metadata'],
    ]);
    expect(graph.fragments.map((f) => [f.id, f.format, f.location.kind])).toEqual([
      ['fdt', 'fdt', 'file'],
      ['sub_fdts/memblock', 'fdt', 'file'],
      ['sub_fdts/kexec-metadata', 'kexec-metadata', 'file'],
    ]);
    expect(graph.scratchAreas).toEqual([
      { id: 'scratch:0', address: 0x1b400000, size: 0x3800000, source: 'debugfs scratch_phys/scratch_len' },
    ]);
    expect(graph.diagnostics.map((d) => d.code)).toEqual(['no-physical-memory']);
  });

  it('explains a root the kernel truncated, shows what it holds and takes the children from sub_fdts/', async () => {
    const full = root(['memblock', 'kexec-metadata']);
    expect(full.length).toBe(ROOT_STRINGS + 57);
    // Cut inside memblock's preserved-data (PROP at 140): its value is missing, and all of the strings block.
    const graph = await decodeKhoGraph(
      blobSet(full.subarray(0, 150), [
        ['memblock', memblock],
        ['kexec-metadata', metadata],
      ]),
    );
    expect(graph.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'debugfs-root-truncated']]);
    expect(graph.diagnostics[0].location).toEqual({ fragment: 'fdt', offset: 140 });
    expect(graph.diagnostics[0].message).toBe(
      `fdt holds 150 of the root FDT's ${full.length} bytes: debugfs fixed the file's size when it was created and the root grew afterwards (children are added later). ` +
        'Shown is what the file holds: the structure block stops at 0x8c: the property header there is cut (2 nodes and 3 properties read, inside node /memblock); ' +
        'the strings block (57 bytes at 0xec) is cut, none of it is present: 3 property names missing (shown as placeholders). ' +
        'The children are taken from sub_fdts/ by name; the full root is in a memory image.',
    );
    const content = rootContent(graph);
    expect(content.totalSize).toBe(full.length);
    expect(content.root.properties.map((p) => [p.name, p.offset, Array.from(p.raw)])).toEqual([
      ['<name at strings+0x0 not in the 150 bytes present>', 64, [...'kho-v4'].map((c) => c.charCodeAt(0)).concat(0)],
      ['<name at strings+0xb not in the 150 bytes present>', 84, [0x00, 0x90, 0x23, 0, 0, 0, 0, 0]],
    ]);
    expect(content.root.children.map((c) => [c.path, c.properties.map((p) => Array.from(p.raw))])).toEqual([
      ['/memblock', [[64, 0, 0, 0, 0, 0, 0, 0]]],
    ]);
    expect(graph.roots[0]).toMatchObject({ compatible: null, version: null, map: null });
    expect(graph.links.map((l) => [l.from.node, l.scheme, l.to])).toEqual([
      ['/memblock', 'debugfs-name', 'sub_fdts/memblock'],
      ['/kexec-metadata', 'debugfs-name', 'sub_fdts/kexec-metadata'],
    ]);
    expect(graph.fragments[2].user).toMatchObject({ user: 'kexec-metadata', previousRelease: '7.3.4' });
  });

  it('names what it can when only the strings block is cut, and reads the root compatible', async () => {
    const full = root(['memblock', 'kexec-metadata']);
    // Only "preserved-data", the last name, is missing.
    const graph = await decodeKhoGraph(
      blobSet(full.subarray(0, full.length - 5), [
        ['memblock', memblock],
        ['kexec-metadata', metadata],
      ]),
    );
    expect(graph.diagnostics[0]).toMatchObject({
      code: 'debugfs-root-truncated',
      location: { offset: full.length - 5 },
    });
    expect(graph.diagnostics[0].message).toContain(
      'Shown is what the file holds: the structure block is whole; the strings block (57 bytes at 0xec) is cut, only 52 of its bytes are present: 2 property names missing (shown as placeholders).',
    );
    const content = rootContent(graph);
    expect(content.root.properties.map((p) => p.name)).toEqual(['compatible', 'preserved-memory-map']);
    expect(content.root.children.map((c) => c.properties.map((p) => p.name))).toEqual([
      ['blob-size', '<name at strings+0x2a not in the 288 bytes present>'],
      ['blob-size', '<name at strings+0x2a not in the 288 bytes present>'],
    ]);
    expect(graph.roots[0]).toMatchObject({ compatible: 'kho-v4', version: null });
    expect(graph.links.map((l) => l.scheme)).toEqual(['debugfs-name', 'debugfs-name']);
  });

  it('explains a root file that ends before its root node, without content', async () => {
    const graph = await decodeKhoGraph(blobSet(root(['memblock']).subarray(0, 50), [['memblock', memblock]]));
    expect(graph.diagnostics.map((d) => d.code)).toEqual(['debugfs-root-truncated']);
    expect(graph.diagnostics[0].message).toContain(
      'the memory reservation block is cut at 0x28; the structure block stops at 0x38: none of it is present (0 nodes and 0 properties read)',
    );
    expect(graph.fragments[0].content).toBeNull();
    expect(graph.links.map((l) => [l.from.node, l.to])).toEqual([['/memblock', 'sub_fdts/memblock']]);
  });

  it('reports corruption in the part of a truncated root that is present, and still explains the cut', async () => {
    const cut = root(['memblock']).slice(0, 150);
    new DataView(cut.buffer).setUint32(64, 7);
    const graph = await decodeKhoGraph(blobSet(cut, [['memblock', memblock]]));
    expect(graph.diagnostics.map((d) => [d.severity, d.code, d.location.offset])).toEqual([
      ['error', 'fdt-error', 64],
      ['warning', 'debugfs-root-truncated', 150],
    ]);
    expect(graph.diagnostics[0].message).toBe('not a readable FDT: structure block at 0x40: unknown token 0x7');
    expect(graph.diagnostics[1].message).toContain(
      'The bytes present are not a readable FDT prefix (see the fdt-error).',
    );
    expect(graph.fragments[0].content).toBeNull();
    expect(graph.links.map((l) => l.to)).toEqual(['sub_fdts/memblock']);
  });

  it('reports a child whose file is missing, and a file no child names', async () => {
    const graph = await decodeKhoGraph(
      blobSet(root(['memblock', 'gone']), [
        ['memblock', memblock],
        ['stray', metadata],
      ]),
    );
    expect(graph.diagnostics.map((d) => [d.severity, d.code, d.location.node])).toEqual([
      ['info', 'no-physical-memory', '/'],
      ['info', 'unreferenced-blob', undefined],
      ['error', 'missing-file', '/gone'],
    ]);
    expect(graph.fragments.map((f) => f.id)).toEqual(['fdt', 'sub_fdts/memblock', 'sub_fdts/stray']);
  });

  it('decodes a lone DTB as one fragment, noting the pointers it cannot follow', async () => {
    const image: DtbImage = {
      kind: 'dtb',
      bytes: root(['memblock']),
      source: new BytesSource(new Uint8Array(0), 'root.dtb'),
      warnings: [],
    };
    const graph = await decodeKhoGraph(image);
    expect(graph.fragments.map((f) => f.id)).toEqual(['dtb']);
    expect(graph.links).toMatchObject([{ from: { node: '/memblock' }, to: null }]);
    expect(graph.diagnostics.map((d) => d.code)).toEqual(['no-physical-memory', 'no-physical-memory']);
  });
  it("passes the container's own warnings on", async () => {
    const graph = await decodeKhoGraph(blobSet(root([]), [], ['ignored unrelated file notes.txt']));
    expect(graph.diagnostics).toMatchObject([
      { severity: 'info', code: 'image-warning', message: 'ignored unrelated file notes.txt' },
      { code: 'no-physical-memory' },
    ]);
  });
});
