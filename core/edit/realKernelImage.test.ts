import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hex } from '../bytes/readers';
import { decodeKhoGraph } from '../kho/decode/decodeKhoGraph';
import { blockKey, mapBlocks } from '../kho/maps/mapBlocks';
import { writeExportFile } from '../mem/export/NodeExportWriter';
import { openImage } from '../mem/openImage';
import { NodeFileSource } from '../mem/sources/NodeFileSource';
import { linuxFixturesPresent, unpackedLinuxFixture } from '../mem/testing/NodeSharedFixtures';
import { EditLog } from './EditLog';
import { editStateFromGraph } from './editStateFromGraph';
import { bytesToHex } from './hexBytes';
import { planEdit } from './reencode/planEdit';
import { pagesTouched } from './reencode/rangeMath';
import { structureExtents } from './reencode/structureExtents';
import { checkEditedImage } from './testing/checkEditedImage';

const present = linuxFixturesPresent('core/edit/realKernelImage.test.ts (editing the real Linux 7.3 image)');

describe.runIf(present)('editing the image a real Linux 7.3.4 kernel wrote (at-kexec.elf)', () => {
  const sources: NodeFileSource[] = [];
  let folder = '';
  afterAll(async () => {
    for (const source of sources) await source.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('grows memblock and kho_test, adds a blob and drops LUO; the exported ELF decodes to the edit with no new diagnostics', async () => {
    const source = await NodeFileSource.open(await unpackedLinuxFixture('at-kexec.elf'));
    sources.push(source);
    const image = await openImage(source);
    if (image.kind !== 'memory') throw new Error(`expected a memory image, got ${image.kind}`);
    const graph = await decodeKhoGraph(image);
    const log = new EditLog(editStateFromGraph(graph))
      .apply({
        op: 'add-property',
        fragment: '0x1847000',
        node: '/demo1',
        name: 'note',
        value: bytesToHex(new TextEncoder().encode('edited by khoscope\0')),
      })
      .apply({
        op: 'add-property',
        fragment: '0x528000',
        node: '/data',
        name: 'x-big',
        value: bytesToHex(new Uint8Array(5000).fill(0xab)),
      })
      .apply({
        op: 'add-fragment',
        fragment: '0x23a000',
        node: '/',
        name: 'extra',
        tree: {
          name: '',
          properties: [['compatible', bytesToHex(new TextEncoder().encode('extra-v1\0'))]],
          children: [],
        },
      })
      .apply({ op: 'remove-node', fragment: '0x23a000', node: '/LUO' });
    const plan = await planEdit(image.memory, graph, log.state);
    const fate = (id: string) => plan.fragments.find((f) => f.id === id)?.fate;
    // The kernel's blobs own their pages (what follows an FDT there is libfdt's leftover scratch): memblock grows in place.
    expect(fate('0x1847000')).toBe('rewritten-in-place');
    expect(fate('0x528000')).toBe('moved');
    expect(fate('0x23a000')).toBe('rewritten-in-place');
    expect(plan.dropped.sort()).toEqual(['0x1844000', '0x1868000']);
    expect(plan.maps).toMatchObject([{ encoding: 'radix-tree', before: 0x239000 }]);
    expect(plan.allocated.every((page) => page >= 0x10_0000)).toBe(true);

    folder = await mkdtemp(join(tmpdir(), 'khoscope-real-edit-'));
    const storedPages = [...new Set(structureExtents(graph).flatMap((extent) => pagesTouched(extent, 4096)))];
    const { problems, graph: after } = await checkEditedImage(
      { image, graph, storedPages },
      log.state,
      plan,
      async (file) => {
        const path = join(folder, 'edited.elf');
        await writeExportFile(file, path);
        const edited = await NodeFileSource.open(path);
        sources.push(edited);
        return openImage(edited);
      },
    );
    expect(problems).toEqual([]);
    const compatibles = after.fragments.map((f) => f.compatible);
    expect(compatibles).toContain('extra-v1');
    expect(compatibles).not.toContain('luo-v5');
    expect(after.diagnostics.map((d) => d.code)).toEqual([]);
    const extra = plan.fragments.find((f) => f.id === 'new-1')!;
    expect(after.roots[0].map?.isPreserved(Number(extra.decodedId))).toBe(true);
    for (const id of plan.dropped) expect(after.roots[0].map?.isPreserved(Number(id)), hex(Number(id))).toBe(false);
    // The kernel restores each folio by its own (order, pfn) entry: every entry of the input map is still
    // there exactly, but for the folios of the blobs that moved or went; each new blob is one entry.
    const removed = new Set(plan.maps[0].removed.map(blockKey));
    const expected = [
      ...mapBlocks(graph.roots[0].map!).filter((b) => !removed.has(blockKey(b))),
      ...plan.maps[0].added,
    ];
    expect(mapBlocks(after.roots[0].map!).map(blockKey).sort()).toEqual(expected.map(blockKey).sort());
    // kho_test's old folio, and LUO's struct and what only it held (session and file blocks, the memfd's folio array).
    expect(plan.maps[0].removed.map((b) => hex(b.address))).toEqual(
      expect.arrayContaining(['0x528000', '0x1844000', '0x1868000']),
    );
    const dropped = structureExtents(graph).filter((e) => e.owner !== null && plan.dropped.includes(e.owner));
    for (const block of plan.maps[0].removed)
      expect(
        block.address === 0x528000 || dropped.some((e) => e.start < block.address + 4096 && block.address < e.end),
        hex(block.address),
      ).toBe(true);
    expect(plan.maps[0].added).toEqual(
      [
        { address: Number(plan.fragments.find((f) => f.id === '0x528000')!.decodedId), order: 1 },
        { address: Number(extra.decodedId), order: 0 },
      ].sort((a, b) => a.address - b.address),
    );
  });
});
