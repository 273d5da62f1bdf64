import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtDocument, fdtNode, type PropertyList } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { cstring, u64List } from '../../bytes/encoders';
import type { KhoGraph } from '../model/KhoGraph';
import { decodeKhoGraph } from './decodeKhoGraph';

const RAM = [{ start: 0, end: 0x100_0000 }];
const memblock = fdtBlob([['compatible', cstring('memblock-v1')]]);

async function withChild(compatible: string, blob: Uint8Array, blobSize?: number): Promise<KhoGraph> {
  const builder = new KhoImageBuilder({ ram: RAM });
  placeKhoRoot(builder, {
    address: 0x1000,
    compatible,
    map: 'radix-tree',
    children: [{ name: 'memblock', address: 0x8000, blob, blobSize }],
  });
  return decodeKhoGraph(builder.memory, { roots: [0x1000] });
}

/** An FDT with `keys` string properties (about 30 bytes each). */
function keyedFdt(keys: number): Uint8Array {
  const properties: PropertyList = [['compatible', cstring('big-v1')]];
  for (let i = 0; i < keys; i++) properties.push([`key${i}`, cstring(`value${i}`)]);
  return fdtBlob(properties);
}

async function withPageList(fragment: Uint8Array, pages: number[]): Promise<KhoGraph> {
  const builder = new KhoImageBuilder({ ram: RAM });
  builder.placeFdt(
    0x1000,
    fdtDocument([['compatible', cstring('kho-v1')]], [fdtNode('big', [['kho,recursive-fdt', u64List(pages, 'be')]])]),
  );
  builder.placeFdtOnPages(pages, fragment);
  return decodeKhoGraph(builder.memory, { roots: [0x1000] });
}

const problems = (graph: KhoGraph) => graph.diagnostics.filter((d) => d.severity !== 'info');

describe('reading link targets', () => {
  it('flags a blob-size larger than the FDT it holds', async () => {
    const graph = await withChild('kho-v4', memblock, memblock.length + 100);
    expect(problems(graph)).toMatchObject([
      { severity: 'warning', code: 'blob-size-mismatch', location: { node: '/memblock', property: 'blob-size' } },
    ]);
    expect(graph.fragments[1]).toMatchObject({ compatible: 'memblock-v1', size: memblock.length + 100 });
  });

  it('flags a blob-size that cuts the FDT short, and carries the reader error over', async () => {
    const graph = await withChild('kho-v4', memblock, memblock.length - 8);
    expect(problems(graph).map((d) => [d.severity, d.code])).toEqual([
      ['error', 'blob-size-mismatch'],
      ['error', 'fdt-error'],
    ]);
    expect(problems(graph)[1].message).toBe(
      `not a readable FDT: header at 0x4: totalsize ${memblock.length} is larger than the ${memblock.length - 8} bytes available`,
    );
    expect(problems(graph)[1].location).toMatchObject({ fragment: '0x8000', offset: 4 });
  });

  it('reports bad magic where an FDT was expected', async () => {
    const graph = await withChild('kho-v2', new Uint8Array(64).fill(0xab));
    expect(problems(graph)).toMatchObject([
      {
        severity: 'error',
        code: 'bad-magic',
        location: { node: '/memblock', property: 'preserved-data', address: 0x8000 },
      },
    ]);
    expect(graph.links[0].to).toBeNull();
  });

  it('reports a truncated FDT with the reader message (structure cut short)', async () => {
    const cut = memblock.slice();
    cut.fill(0, 60);
    const graph = await withChild('kho-v1', cut);
    const error = problems(graph).find((d) => d.code === 'fdt-error');
    expect(error?.message).toMatch(/^not a readable FDT: (structure block|node|property) at 0x[0-9a-f]+: /);
    expect(graph.fragments[1].content).toBeNull();
  });

  it('reads a page list whose FDT needs every page, without complaint', async () => {
    const fragment = keyedFdt(200);
    expect(fragment.length).toBeGreaterThan(4096);
    expect(fragment.length).toBeLessThanOrEqual(8192);
    const graph = await withPageList(fragment, [0x3000, 0x7000]);
    expect(problems(graph)).toEqual([]);
    expect(graph.fragments[1]).toMatchObject({
      compatible: 'big-v1',
      size: fragment.length,
      location: { kind: 'pages', pages: [0x3000, 0x7000] },
    });
  });

  it('flags wasted pages in a page list', async () => {
    const graph = await withPageList(keyedFdt(3), [0x3000, 0x7000]);
    expect(problems(graph)).toMatchObject([
      { severity: 'warning', code: 'page-list-wasted-pages', location: { node: '/big' } },
    ]);
    expect(graph.fragments[1].compatible).toBe('big-v1');
  });

  it('flags a page list too short for its FDT: the fragment is truncated', async () => {
    const fragment = keyedFdt(200);
    const builder = new KhoImageBuilder({ ram: RAM });
    builder.placeFdt(
      0x1000,
      fdtDocument(
        [['compatible', cstring('kho-v1')]],
        [fdtNode('big', [['kho,recursive-fdt', u64List([0x3000], 'be')]])],
      ),
    );
    builder.placeFdtOnPages([0x3000, 0x7000], fragment);
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000] });
    expect(problems(graph).map((d) => [d.severity, d.code])).toEqual([
      ['error', 'page-list-too-short'],
      ['error', 'fdt-error'],
    ]);
    expect(graph.fragments[1]).toMatchObject({ size: 4096, content: null });
  });
});
