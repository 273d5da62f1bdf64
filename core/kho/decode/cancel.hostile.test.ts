import { describe, expect, it } from 'vitest';
import { openImage } from '../../mem/openImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import { decodeChunkList } from '../maps/decodeChunkList';
import { decodeRadixTree } from '../maps/decodeRadixTree';
import { writeEncodedMap } from '../maps/EncodedMap';
import { encodeChunkList } from '../maps/encodeChunkList';
import { encodeRadixTree } from '../maps/encodeRadixTree';
import type { PreservedBlock } from '../maps/PreservedBlock';
import { bumpAllocator, mapTestMemory, TEST_METADATA_BASE } from '../maps/testing/mapTestImage';
import { wideRootElf } from '../testing/wideRootImage';
import { decodeKhoGraph } from './decodeKhoGraph';

/**
 * Issue 14: every long loop can be cancelled within 100 ms. Each decoder is
 * started on a large deterministic input, an `AbortSignal` is fired from a
 * timer (so it only takes effect if the decoder lets the event loop in) and
 * the time from the abort to the rejection is measured.
 */
const WITHIN_MS = 100;

async function abortLatency(run: (signal: AbortSignal) => Promise<unknown>, afterMs: number): Promise<number> {
  const controller = new AbortController();
  let abortedAt = Number.NaN;
  const timer = setTimeout(() => {
    abortedAt = performance.now();
    controller.abort(new Error('cancelled by the test'));
  }, afterMs);
  try {
    await run(controller.signal);
  } catch (error) {
    expect((error as Error).message).toBe('cancelled by the test');
    return performance.now() - abortedAt;
  } finally {
    clearTimeout(timer);
  }
  throw new Error(`the work ended before the abort at ${afterMs} ms: the input is too small to measure`);
}

/** Order-0 to order-1 blocks one per 128 MiB: one radix leaf (or chunk) each, 16,000 in all. */
function spreadBlocks(): PreservedBlock[] {
  const blocks: PreservedBlock[] = [];
  for (let order = 0; order < 2; order++)
    for (let i = 0; i < 8000; i++) blocks.push({ order, address: i * 2 ** 27 + order * 2 ** 20 });
  return blocks;
}

describe('cancelling long work within 100 ms', () => {
  it('graph decode of a root with 24,000 children', async () => {
    const bytes = wideRootElf(24_000);
    for (const after of [20, 150]) {
      const image = await openImage(new BytesSource(bytes, 'wide.elf'));
      const ms = await abortLatency((signal) => decodeKhoGraph(image, { signal }), after);
      expect(ms, `aborted after ${after} ms`).toBeLessThan(WITHIN_MS);
    }
  }, 60_000);

  it('radix-tree map decode of 16,000 leaves', async () => {
    const memory = mapTestMemory(4096);
    const encoded = encodeRadixTree(spreadBlocks(), 4096, bumpAllocator(TEST_METADATA_BASE, 4096));
    writeEncodedMap(memory, encoded);
    const ms = await abortLatency((signal) => decodeRadixTree(memory, encoded.root, { signal }), 30);
    expect(ms).toBeLessThan(WITHIN_MS);
  }, 60_000);

  it('chunk-list map decode of 16,000 blocks', async () => {
    const memory = mapTestMemory(4096);
    const encoded = encodeChunkList(spreadBlocks(), 4096, 4096, bumpAllocator(TEST_METADATA_BASE, 4096));
    writeEncodedMap(memory, encoded);
    const ms = await abortLatency((signal) => decodeChunkList(memory, encoded.root, { signal }), 30);
    expect(ms).toBeLessThan(WITHIN_MS);
  }, 60_000);
});
