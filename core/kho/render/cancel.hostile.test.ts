import { beforeAll, describe, expect, it } from 'vitest';
import { Checkpoint } from '../../mem/Checkpoint';
import { openImage } from '../../mem/openImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import { AbortAfterWork } from '../../mem/testing/AbortAfterWork';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';
import type { KhoGraph } from '../model/KhoGraph';
import { wideRootElf } from '../testing/wideRootImage';
import { writeGraphJson } from './graphToJson';
import { writeGraphDts } from './renderGraphDts';
import { writeGraphText } from './renderGraphText';

/**
 * Issue 14: a render of a giant can be cancelled midway. Each renderer's
 * chunks are consumed through `Checkpoint.each` (as the CLI's writeChunks
 * does); counted, not timed: aborted at a fixed chunk, no further chunk may
 * be made; aborted from a timer, the render must stop before its end (so it
 * lets the event loop in). The 100 ms figure is in bench/cancel.bench.ts.
 */
const RENDERERS: Array<[string, (graph: KhoGraph) => Iterable<unknown>]> = [
  ['text', (graph) => writeGraphText(graph, { chunkChars: 4096 })],
  ['JSON', (graph) => writeGraphJson(graph, { chunkChars: 4096 })],
  ['DTS', (graph) => writeGraphDts(graph, { chunkBytes: 4096 })],
];

async function consume(chunks: Iterable<unknown>, checkpoint: Checkpoint, onChunk: () => void): Promise<void> {
  for await (const _ of checkpoint.each(chunks)) onChunk();
}

describe('cancelling a render midway', () => {
  let graph: KhoGraph;
  beforeAll(async () => {
    graph = await decodeKhoGraph(await openImage(new BytesSource(wideRootElf(12_000), 'wide.elf')));
  }, 60_000);

  for (const [name, render] of RENDERERS) {
    it(`${name} of a root with 12,000 children`, async () => {
      const total = [...render(graph)].length;
      expect(total, 'the render is too small to show cancelling').toBeGreaterThan(100);
      for (const at of [1, Math.floor(total / 2)]) {
        const meter = new AbortAfterWork(at);
        await expect(consume(render(graph), new Checkpoint(meter.signal), () => meter.tick())).rejects.toBe(
          meter.reason,
        );
        expect(meter.afterAbort, `chunks made after an abort at chunk ${at} of ${total}`).toBe(0);
      }
      // From a timer: fires only when the render lets the event loop in.
      const controller = new AbortController();
      const reason = new Error('cancelled by a timer');
      const timer = setTimeout(() => controller.abort(reason), 0);
      let made = 0;
      try {
        await expect(consume(render(graph), new Checkpoint(controller.signal, 0), () => made++)).rejects.toBe(reason);
      } finally {
        clearTimeout(timer);
      }
      expect(made, 'chunks made before a timer abort took effect').toBeLessThan(total);
    }, 60_000);
  }
});
