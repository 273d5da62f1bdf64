import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hex } from '../bytes/readers';
import { decodeKhoGraph } from '../kho/decode/decodeKhoGraph';
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
  });
});
