import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFdt } from '../fdt/readFdt';
import { openImage } from '../mem/openImage';
import { NodeFileSource } from '../mem/sources/NodeFileSource';
import { graphDifference } from './carve/graphDifference';
import { CARVED_IMAGES, CARVED_TRUTH, linuxImageSets } from './carve/testing/NodeCarvedFixtures';
import { decodeKhoGraph } from './decode/decodeKhoGraph';
import { extractionFiles } from './extract/extractionFiles';
import { locationExtents } from './model/FragmentLocation';
import type { Fragment } from './model/Fragment';
import type { KhoGraph } from './model/KhoGraph';
import { renderGraphDts } from './render/renderGraphDts';

// The real-kernel KHO graph tests run on the committed carved images always,
// and on the 553 MB originals too when the shared fixtures are present.

const SETS = linuxImageSets('core/kho/linux73.test.ts');

async function decodeFile(path: string): Promise<KhoGraph> {
  const source = await NodeFileSource.open(path);
  try {
    return await decodeKhoGraph(await openImage(source));
  } finally {
    await source.close();
  }
}

function fragment(graph: KhoGraph, id: string): Fragment {
  const found = graph.fragments.find((f) => f.id === id);
  if (!found) throw new Error(`no fragment ${id}`);
  return found;
}

/** What the fixture README's table says about the four root children, in the graph's terms. */
function expectReadmeTree(graph: KhoGraph): void {
  expect(graph.roots).toHaveLength(1);
  const root = graph.roots[0];
  expect(root).toMatchObject({
    fragment: '0x23a000',
    address: 0x23a000,
    how: 'page-scan',
    compatible: 'kho-v4',
    version: { version: 4, rules: 4 },
  });
  expect(root.map).toMatchObject({
    encoding: 'radix-tree',
    address: 0x239000,
    status: 'complete',
    details: { depth: 6 },
  });
  expect(root.map!.blockCount).toBe(45);
  expect(root.map!.ranges.totalBytes).toBe(14_753_792);
  expect(fragment(graph, '0x23a000').size).toBe(405);
  expect(
    graph.links
      .filter((l) => l.from.fragment === '0x23a000')
      .map((l) => [l.from.node, l.scheme, l.addresses[0], l.size, l.to]),
  ).toEqual([
    ['/memblock', 'preserved-data', 0x1847000, 294, '0x1847000'],
    ['/LUO', 'preserved-data', 0x1844000, 32, '0x1844000'],
    ['/kho_test', 'preserved-data', 0x528000, 240, '0x528000'],
    ['/kexec-metadata', 'preserved-data', 0x242000, 73, '0x242000'],
  ]);
  expect(fragment(graph, '0x1847000').user).toEqual({
    user: 'memblock',
    ranges: [
      { name: 'demo1', node: '/demo1', start: 0x1f000000, size: 0x400000n },
      { name: 'demo2', node: '/demo2', start: 0x1ee00000, size: 0x200000n },
    ],
  });
  expect(fragment(graph, '0x1844000')).toMatchObject({
    format: 'luo-ser',
    compatible: 'luo-v5',
    user: { liveupdateNumber: 1n, flbsAddress: 0x1845000 },
  });
  expect(fragment(graph, '0x528000').user).toMatchObject({
    user: 'kho-test',
    magic: 0x4b484f21,
    nrFolios: 26,
    csum: 0x6069f624,
    folioStorage: 'vmalloc',
  });
  expect((fragment(graph, '0x528000').user as { folios: unknown[] }).folios).toHaveLength(26);
  expect(fragment(graph, '0x242000').user).toEqual({
    user: 'kexec-metadata',
    version: 1,
    previousRelease: '7.3.4',
    kexecCount: 1,
  });
  // The root page and every page of every blob are preserved in the radix map.
  for (const f of graph.fragments) {
    for (const extent of locationExtents(f.location)) {
      for (let page = extent.start - (extent.start % 4096); page < extent.end; page += 4096)
        expect(root.map!.isPreserved(page), `${f.id} page ${page.toString(16)}`).toBe(true);
    }
  }
  expect(graph.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
}

for (const set of SETS) {
  describe(`Linux 7.3.4 images (${set.label})`, () => {
    let pre: KhoGraph;
    let at: KhoGraph;
    let preKdump: KhoGraph;
    beforeAll(async () => {
      pre = await decodeFile(await set.path(CARVED_IMAGES.preKexec));
      at = await decodeFile(await set.path(CARVED_IMAGES.atKexec));
      preKdump = await decodeFile(await set.path(CARVED_IMAGES.preKexecKdump));
    });

    it('pre-kexec: decodes the tree the README describes; LUO has not serialized its sessions yet', () => {
      expectReadmeTree(pre);
      expect(fragment(pre, '0x1844000').user).toMatchObject({ sessionsAddress: 0, sessions: [], flbs: [] });
      expect(pre.diagnostics.map((d) => d.code)).toEqual(['sessions-not-serialized']);
    });

    it('pre-kexec: the kdump gives the same graph as the ELF core', () => {
      expect(graphDifference(pre, preKdump)).toBeNull();
    });

    it('at-kexec: the same tree, plus the session, its memfd and the memfd folios', () => {
      expectReadmeTree(at);
      const luo = fragment(at, '0x1844000').user;
      expect(luo).toMatchObject({
        sessions: [
          { name: 'kho-demo-session', fileCount: 1n, files: [{ compatible: 'memfd-v2', token: 0x4b484f2d44454d4fn }] },
        ],
      });
      const memfd = fragment(at, '0x1868000');
      expect(memfd.user).toMatchObject({ user: 'memfd', version: 2, size: 0x4000n, nrFolios: 4n });
      expect(
        (memfd.user as { folios: { index: bigint; flags: number }[] }).folios.map((f) => [f.index, f.flags]),
      ).toEqual([
        [0n, 3],
        [1n, 3],
        [2n, 3],
        [3n, 3],
      ]);
      expect(at.diagnostics).toEqual([]);
    });

    it('extract reproduces the kernel debugfs blobs byte for byte', () => {
      const files = new Map(extractionFiles(pre, false).map((file) => [file.path, file.bytes]));
      const children = readdirSync(join(CARVED_TRUTH, 'debugfs/kho/out/sub_fdts'));
      expect(children.sort()).toEqual(['LUO', 'kexec-metadata', 'kho_test', 'memblock']);
      for (const name of children)
        expect(Buffer.from(files.get(`sub_fdts/${name}`)!)).toEqual(
          readFileSync(join(CARVED_TRUTH, 'debugfs/kho/out/sub_fdts', name)),
        );
      const root = Buffer.from(files.get('fdt')!);
      expect(root).toEqual(readFileSync(join(CARVED_TRUTH, 'root-fdt-full.dtb')));
      const truncated = readFileSync(join(CARVED_TRUTH, 'debugfs/kho/out/fdt'));
      expect(truncated.length).toBe(233);
      expect(root.subarray(0, 233)).toEqual(truncated);
    });

    it("prints DTS that is dtc's output plus the right readings as comments", () => {
      const dts = renderGraphDts(pre);
      const stripped = dts.replace(/ \/\* .*? \*\//g, '');
      for (const name of ['root', 'memblock', 'kho_test'])
        expect(stripped).toContain(readFileSync(join(CARVED_TRUTH, 'dts', `${name}.dts`), 'latin1'));
      expect(dts).toContain('preserved-data = <0x708401 0x00>; /* u64 LE 0x1847000 -> fragment 0x1847000 */');
      expect(dts).toContain('csum = <0x24f66960>; /* u32 LE 0x6069f624 */');
    });
  });
}

describe('Linux 7.3.4 debugfs blob set (committed truth files)', () => {
  it('decodes the kernel debugfs blob set itself, explaining the truncated root and showing what it holds', async () => {
    const out = join(CARVED_TRUTH, 'debugfs/kho/out');
    const names = [
      'fdt',
      'scratch_phys',
      'scratch_len',
      ...readdirSync(join(out, 'sub_fdts')).map((n) => `sub_fdts/${n}`),
    ];
    const sources = await Promise.all(names.map((name) => NodeFileSource.open(join(out, name), name)));
    let graph: KhoGraph;
    try {
      graph = await decodeKhoGraph(await openImage(sources));
    } finally {
      for (const source of sources) await source.close();
    }
    expect(graph.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'debugfs-root-truncated' });
    expect(graph.diagnostics[0].message).toMatch(/^fdt holds 233 of the root FDT's 405 bytes/);
    expect(graph.diagnostics[0].message).toContain(
      'the structure block stops at 0xe8: the token there is cut (4 nodes and 6 properties read, inside node /kho_test); ' +
        'the strings block (57 bytes at 0x15c) is cut, none of it is present: 6 property names missing (shown as placeholders)',
    );
    // The prefix shows the full root's first nodes and values, at the same offsets; the names are in the missing strings block.
    const truncated = fragment(graph, 'fdt').content;
    if (truncated?.kind !== 'fdt') throw new Error('the truncated root must have FDT content');
    const full = readFdt(readFileSync(join(CARVED_TRUTH, 'root-fdt-full.dtb')));
    const fullValues = (n: number): [number, number[]][] =>
      full.nodeProperties(n).map((p) => [full.propertyOffset(p), Array.from(full.propertyValue(p))]);
    const values = (node: typeof truncated.root): [number, number[]][] =>
      node.properties.map((p) => [p.offset, Array.from(p.raw)]);
    expect(truncated.root.children.map((c) => [c.path, c.offset])).toEqual(
      [1, 2, 3].map((n) => [full.nodePath(n), full.nodeOffset(n)]),
    );
    expect(values(truncated.root)).toEqual(fullValues(0));
    expect(truncated.root.children.map(values)).toEqual([fullValues(1), fullValues(2), []]);
    for (const node of [truncated.root, ...truncated.root.children]) {
      for (const property of node.properties)
        expect(property.name).toMatch(/^<name at strings\+0x[0-9a-f]+ not in the 233 bytes present>$/);
    }
    expect(renderGraphDts(graph)).toContain(
      "/* fragment fdt: fdt, 233 bytes, root fdt */\n/* truncated: the bytes hold 233 of the FDT's 405 bytes; the structure block stops at 0xe8",
    );
    expect(graph.fragments.map((f) => [f.id, f.format]).sort()).toEqual([
      ['fdt', 'fdt'],
      ['sub_fdts/LUO', 'luo-ser'],
      ['sub_fdts/kexec-metadata', 'kexec-metadata'],
      ['sub_fdts/kho_test', 'fdt'],
      ['sub_fdts/memblock', 'fdt'],
    ]);
    expect(graph.scratchAreas.map((a) => [a.address, a.size])).toEqual([
      [0x1b400000, 0x3800000],
      [0x1fc00000, 0],
      [0x10c00000, 0xa800000],
    ]);
    expect(graph.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
