/**
 * Issue 14: every long loop stops within 100 ms of an abort. The unit tests
 * (core/kho/decode/ and core/kho/render/cancel.hostile.test.ts) count the work done after an abort,
 * which a loaded machine cannot make flaky; this bench measures the wall
 * clock: each long job is started on a large deterministic input, an
 * `AbortSignal` is fired from a timer (so it only takes effect when the job
 * lets the event loop in) and the time from the abort to the rejection is
 * taken, `REPEATS` times at different moments.
 */
import { loadavg } from 'node:os';
import { decodeKhoGraph } from '../core/kho/decode/decodeKhoGraph';
import { decodeChunkList } from '../core/kho/maps/decodeChunkList';
import { decodeRadixTree } from '../core/kho/maps/decodeRadixTree';
import { writeEncodedMap } from '../core/kho/maps/EncodedMap';
import { encodeChunkList } from '../core/kho/maps/encodeChunkList';
import { encodeRadixTree } from '../core/kho/maps/encodeRadixTree';
import type { PreservedBlock } from '../core/kho/maps/PreservedBlock';
import { bumpAllocator, mapTestMemory, TEST_METADATA_BASE } from '../core/kho/maps/testing/mapTestImage';
import type { KhoGraph } from '../core/kho/model/KhoGraph';
import { wideRootElf } from '../core/kho/testing/wideRootImage';
import { writeGraphJson } from '../core/kho/render/graphToJson';
import { writeGraphDts } from '../core/kho/render/renderGraphDts';
import { writeGraphText } from '../core/kho/render/renderGraphText';
import { Checkpoint } from '../core/mem/Checkpoint';
import { openImage } from '../core/mem/openImage';
import { BytesSource } from '../core/mem/sources/BytesSource';
import { type BenchResult, judge } from './BenchResult';

const GOAL_MS = 100;
const REPEATS = 5;

/**
 * Milliseconds from an abort fired `afterMs` into `run` to its rejection, or
 * null when the job finished before the timer fired.
 */
async function abortLatency(run: (signal: AbortSignal) => Promise<unknown>, afterMs: number): Promise<number | null> {
  const controller = new AbortController();
  const reason = new Error('cancelled by the bench');
  let abortedAt = Number.NaN;
  const timer = setTimeout(() => {
    abortedAt = performance.now();
    controller.abort(reason);
  }, afterMs);
  try {
    await run(controller.signal);
  } catch (error) {
    if (error !== reason) throw error;
    return performance.now() - abortedAt;
  } finally {
    clearTimeout(timer);
  }
  return null;
}

/** Milliseconds `run` takes when nothing aborts it. */
async function fullDuration(run: (signal: AbortSignal) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run(new AbortController().signal);
  return performance.now() - started;
}

/** Order-0 to order-1 blocks one per 128 MiB: one radix leaf (or chunk) each, 16,000 in all. */
function spreadBlocks(): PreservedBlock[] {
  const blocks: PreservedBlock[] = [];
  for (let order = 0; order < 2; order++)
    for (let i = 0; i < 8000; i++) blocks.push({ order, address: i * 2 ** 27 + order * 2 ** 20 });
  return blocks;
}

/** A long job: what it is, and how to start it (fresh state each time). */
interface CancelJob {
  name: string;
  start: () => Promise<(signal: AbortSignal) => Promise<unknown>>;
}

const JOBS: CancelJob[] = [
  {
    name: 'graph decode, root with 24,000 children',
    start: async () => {
      const bytes = wideRootElf(24_000);
      return async (signal) => decodeKhoGraph(await openImage(new BytesSource(bytes, 'wide.elf')), { signal });
    },
  },
  {
    name: 'radix-tree map decode, 16,000 leaves',
    start: async () => {
      const memory = mapTestMemory(4096);
      const encoded = encodeRadixTree(spreadBlocks(), 4096, bumpAllocator(TEST_METADATA_BASE, 4096));
      writeEncodedMap(memory, encoded);
      return (signal) => decodeRadixTree(memory, encoded.root, { signal });
    },
  },
  {
    name: 'chunk-list map decode, 16,000 blocks',
    start: async () => {
      const memory = mapTestMemory(4096);
      const encoded = encodeChunkList(spreadBlocks(), 4096, 4096, bumpAllocator(TEST_METADATA_BASE, 4096));
      writeEncodedMap(memory, encoded);
      return (signal) => decodeChunkList(memory, encoded.root, { signal });
    },
  },
];

/** A render of the graph of a root with 60,000 children, its chunks consumed through a Checkpoint (as the CLI does). */
function renderJob(name: string, render: (graph: KhoGraph) => Iterable<unknown>): CancelJob {
  return {
    name: `${name} render, root with 60,000 children`,
    start: async () => {
      const graph = await decodeKhoGraph(await openImage(new BytesSource(wideRootElf(60_000), 'wide.elf')));
      return async (signal) => {
        for await (const _ of new Checkpoint(signal).each(render(graph)));
      };
    },
  };
}

JOBS.push(
  renderJob('text', (graph) => writeGraphText(graph)),
  renderJob('JSON', (graph) => writeGraphJson(graph)),
  renderJob('DTS', (graph) => writeGraphDts(graph)),
);

/**
 * The worst abort-to-rejection time of each job over `REPEATS` aborts fired
 * at 10–50 % of the job's own duration (measured first, so that an idle
 * machine's shorter run is still aborted midway).
 */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const job of JOBS) {
    const before = loadavg()[0];
    // The shorter of two runs: the first one is also warming the JIT up.
    const duration = Math.min(await fullDuration(await job.start()), await fullDuration(await job.start()));
    const latencies: number[] = [];
    let finishedFirst = 0;
    for (let i = 0; i < REPEATS; i++) {
      const latency = await abortLatency(await job.start(), Math.max(1, duration * (0.1 + 0.1 * i)));
      if (latency === null) finishedFirst++;
      else latencies.push(latency);
    }
    if (latencies.length === 0)
      throw new Error(`${job.name}: every run ended before its abort (${duration.toFixed(1)} ms)`);
    const worst = Math.max(...latencies);
    results.push({
      name: `abort to rejection: ${job.name}`,
      value: Math.round(worst * 10) / 10,
      unit: 'ms',
      goal: judge(`< ${GOAL_MS} ms`, worst < GOAL_MS),
      notes: `worst of ${latencies.length} aborts fired from a timer at 10-50 % of the job's ${duration.toFixed(0)} ms (all: ${latencies.map((ms) => ms.toFixed(1)).join(', ')}${finishedFirst ? `; ${finishedFirst} run(s) ended before the abort` : ''}); 1-min load ${before.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`,
    });
  }
  return results;
}
