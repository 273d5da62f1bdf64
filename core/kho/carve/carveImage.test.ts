import { describe, expect, it } from 'vitest';
import type { MemoryImage } from '../../mem/OpenedImage';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import type { KhoGraph } from '../model/KhoGraph';
import { CarveError } from './CarveError';
import { carveImage, type CarvedImage } from './carveImage';
import { CARVE_NOTE_NAME } from './carveNotes';
import { graphDifference } from './graphDifference';
import { RecordingMemory } from './RecordingMemory';
import { structuralPages } from './structuralPages';
import {
  carveScenarios,
  exportedBytes,
  openMemoryImage,
  openScenario,
  SECRET,
  type CarveScenario,
} from './testing/carveScenarios';

/** True when the text `needle` occurs in `bytes`. */
function contains(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Carves the scenario's image and opens the carved file. */
async function carve(
  scenario: CarveScenario,
  roots?: number[],
): Promise<{ input: MemoryImage; carved: CarvedImage; bytes: Uint8Array; output: MemoryImage }> {
  const input = await openScenario(scenario);
  const carved = await carveImage(input, { roots });
  const bytes = await exportedBytes(carved.file);
  return { input, carved, bytes, output: await openMemoryImage(bytes, 'carved.elf') };
}

describe('carveImage', () => {
  for (const scenario of carveScenarios()) {
    describe(scenario.name, () => {
      it('decodes to the same graph, found by root discovery, from a small file without the preserved data', async () => {
        const { carved, bytes, output } = await carve(scenario);
        expect(carved.graph.roots.length).toBeGreaterThan(0);
        expect(graphDifference(carved.graph, await decodeKhoGraph(output))).toBeNull();
        expect(carved.missedByRecording).toEqual([]);
        expect(contains(bytes, SECRET)).toBe(false);
        // Headers and notes aside, the file is the pages it stores.
        expect(bytes.length).toBeLessThan((carved.pages + 1) * scenario.pageSize);
      });

      it('decodes to the same graph with the roots given', async () => {
        const roots = (await decodeKhoGraph(await openScenario(scenario))).roots.map((root) => root.address!);
        const { carved, output } = await carve(scenario, roots);
        expect(carved.graph.roots.every((root) => root.how === 'given')).toBe(true);
        expect(graphDifference(carved.graph, await decodeKhoGraph(output, { roots }))).toBeNull();
      });

      it('stores only pages the decode read, those bytes as they were and zero elsewhere, over the same RAM ranges', async () => {
        const { input, carved, output } = await carve(scenario);
        expect(output.memory.ranges).toEqual(input.memory.ranges);
        expect(output.pageSize).toBe(scenario.pageSize);
        const kept = carved.kept;
        for (const range of input.memory.ranges) {
          for (let page = range.start; page < range.end; page += scenario.pageSize) {
            let touched = false;
            for (let i = 0; i < kept.count; i++)
              touched ||= kept.start(i) < page + scenario.pageSize && kept.end(i) > page;
            expect(await output.memory.pageState(page), `page 0x${page.toString(16)}`).toBe(
              touched ? 'stored' : 'zero-fill',
            );
            if (!touched) continue;
            const original = await input.memory.read(page, scenario.pageSize);
            const expected = original.map((byte, offset) => (kept.isPreserved(page + offset) ? byte : 0));
            expect(await output.memory.read(page, scenario.pageSize)).toEqual(expected);
          }
        }
      });
    });
  }

  it('records every page the graph names (the structural cross-check)', async () => {
    for (const scenario of carveScenarios()) {
      const input = await openScenario(scenario);
      const graph = await decodeKhoGraph(input);
      const recording = new RecordingMemory(input.memory, scenario.pageSize);
      await decodeKhoGraph(recording, { roots: graph.roots.map((root) => root.address!) });
      const read = recording.bytesRead();
      const ranges = structuralPages(graph, scenario.pageSize);
      expect(ranges.length, scenario.name).toBeGreaterThan(0);
      for (const range of ranges)
        for (let page = range.start; page < range.end; page += scenario.pageSize)
          expect(
            read.toArray().some((r) => r.start < page + scenario.pageSize && r.end > page),
            `${scenario.name}: 0x${page.toString(16)}`,
          ).toBe(true);
    }
  });

  it('names the pages of a lying extent as ranges, however large the claim', () => {
    const lying = {
      fragments: [{ location: { kind: 'contiguous', address: 0x3000, length: 2 ** 62 } }],
      roots: [],
      vmallocAreas: [],
      blockSets: [],
    } as unknown as KhoGraph;
    const started = performance.now();
    expect(structuralPages(lying, 4096)).toEqual([{ start: 0x3000, end: 0x3000 + 2 ** 62 }]);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('keeps the release and page size, drops the rest of VMCOREINFO, and says it is carved from which roots', async () => {
    const [scenario] = carveScenarios();
    const { output } = await carve(scenario);
    expect(output.notes.osRelease).toBe('6.99.0-test');
    expect(output.notes.pageSizeFromImage).toBe(4096);
    expect([...output.notes.vmcoreinfo!.keys()]).toEqual(['OSRELEASE', 'PAGESIZE']);
    const note = output.notes.entries.find((entry) => entry.name === CARVE_NOTE_NAME);
    expect(new TextDecoder().decode(note!.desc)).toMatch(/^CARVED_BY=khoscope carve\nROOTS=0x1000\n/);
  });

  it('writes the page size given for an image that does not state one', async () => {
    const scenario = carveScenarios().find((s) => s.pageSize === 0x4000)!;
    const input = await openScenario(scenario, false);
    expect(input.pageSize).toBe(0x4000);
    const carved = await carveImage(input);
    const output = await openMemoryImage(await exportedBytes(carved.file), 'carved.elf');
    expect(output.pageSize).toBe(0x4000);
    expect(graphDifference(carved.graph, await decodeKhoGraph(output))).toBeNull();
  });

  it('keeps the preserved data only when asked, and refuses more than the limit', async () => {
    const [scenario] = carveScenarios();
    const input = await openScenario(scenario);
    const carved = await carveImage(input, { includeData: true });
    const bytes = await exportedBytes(carved.file);
    expect(contains(bytes, SECRET)).toBe(true);
    const map = carved.graph.roots[0].map!;
    expect(carved.dataBytes).toBeGreaterThan(0x10_0000);
    expect(carved.dataBytes).toBeLessThanOrEqual(map.ranges.totalBytes);
    for (const { start, end } of map.ranges.toArray())
      expect(carved.kept.isPreserved(start) && carved.kept.isPreserved(end - 1)).toBe(true);
    expect(graphDifference(carved.graph, await decodeKhoGraph(await openMemoryImage(bytes, 'carved.elf')))).toBeNull();
    await expect(carveImage(input, { includeData: true, maxDataBytes: 0x1000 })).rejects.toThrow(
      /preserved data is \d+ bytes, more than the limit of 4096 bytes/,
    );
  });

  it('refuses an image without a decodable root', async () => {
    const empty = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
    const input = await openScenario({ name: 'empty', memory: empty.memory, pageSize: 4096 });
    await expect(carveImage(input)).rejects.toThrow(CarveError);
    await expect(carveImage(input)).rejects.toThrow(
      'no KHO root could be decoded in the image: there is nothing to carve',
    );
  });
});
