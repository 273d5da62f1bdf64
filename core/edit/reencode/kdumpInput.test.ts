import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeKhoGraph } from '../../kho/decode/decodeKhoGraph';
import { NodeZlibInflater } from '../../mem/compression/NodeZlibInflater';
import { openImage } from '../../mem/openImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import { buildKdump, type KdumpSpec } from '../../mem/testing/NodeKdumpBuilder';
import { buildSpecFile } from '../../spec/NodeSpecFiles';
import { applyEdit } from '../applyEdit';
import { editStateFromGraph } from '../editStateFromGraph';
import { exportEditedImage } from '../export/exportEdit';
import { EditError } from '../EditError';
import { bytesToHex } from '../hexBytes';
import { checkEditedImage } from '../testing/checkEditedImage';
import { planEdit } from './planEdit';

const PAGE = 4096;

describe('editing a kdump-compressed image', () => {
  it('takes only pages the dump stored as zeros, never pages it left out, and exports as ELF', async () => {
    const { built } = buildSpecFile(join(import.meta.dirname, '../../../demos/kho-v4.json'));
    const written = built.memory.writtenPages();
    // Dumped: every written page, and 16 zero pages at 0x1000000; every other RAM page is left out (content unknown).
    const free = Array.from({ length: 16 }, (_, i) => 0x100_0000 + i * PAGE);
    const pages: KdumpSpec['pages'] = new Map();
    for (const page of [...written, ...free])
      pages.set(page / PAGE, { data: built.memory.readSync(page, PAGE), compression: 'none' });
    const [range] = built.memory.ranges;
    const file = buildKdump({
      blockSize: PAGE,
      maxMapnr: range.end / PAGE,
      ram: [[range.start / PAGE, range.end / PAGE]],
      pages,
      release: '7.2.0',
    });
    const image = await openImage(new BytesSource(file, 'v4.kdump'), { inflater: new NodeZlibInflater() });
    if (image.kind !== 'memory' || image.container !== 'kdump') throw new Error('expected a kdump image');
    const graph = await decodeKhoGraph(image);
    const state = applyEdit(editStateFromGraph(graph), {
      op: 'add-property',
      fragment: '0x104000',
      node: '/data',
      name: 'x-big',
      value: bytesToHex(new Uint8Array(6000).fill(3)),
    }).state;

    const plan = await planEdit(image.memory, graph, state);
    expect(plan.allocated.length).toBeGreaterThan(0);
    for (const page of plan.allocated) expect(free).toContain(page);
    expect((await exportEditedImage(image, plan)).container).toBe('elf');
    const { problems } = await checkEditedImage({ image, graph, storedPages: written }, state, plan);
    expect(problems).toEqual([]);

    const onlyExcluded = buildKdump({
      blockSize: PAGE,
      maxMapnr: range.end / PAGE,
      ram: [[range.start / PAGE, range.end / PAGE]],
      pages: new Map([...pages].filter(([pfn]) => !free.includes(pfn * PAGE))),
    });
    const strict = await openImage(new BytesSource(onlyExcluded, 'v4.kdump'), { inflater: new NodeZlibInflater() });
    if (strict.kind !== 'memory') throw new Error('expected a memory image');
    await expect(planEdit(strict.memory, graph, state)).rejects.toThrow(EditError);
  });
});
