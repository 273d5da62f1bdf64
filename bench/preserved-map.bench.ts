/**
 * Preserved-memory map decoding speed: radix trees and chunk lists holding
 * millions of preserved 4 KiB pages, decoded from a SparseMemory image (no
 * I/O, so the figures are the decoder's own cost).
 */
import { decodeChunkList } from '../core/kho/maps/decodeChunkList';
import { decodeRadixTree } from '../core/kho/maps/decodeRadixTree';
import { writeEncodedMap, type EncodedMap } from '../core/kho/maps/EncodedMap';
import { encodeChunkList } from '../core/kho/maps/encodeChunkList';
import { encodeRadixTree } from '../core/kho/maps/encodeRadixTree';
import type { PreservedBlock } from '../core/kho/maps/PreservedBlock';
import type { PreservedMemoryMap } from '../core/kho/maps/PreservedMemoryMap';
import { splitIntoBlocks } from '../core/kho/maps/splitIntoBlocks';
import { SparseMemory } from '../core/mem/SparseMemory';
import type { BenchResult } from './BenchResult';

const PAGE = 4096;
/** Metadata pages go above the data (which stays below 64 GiB). */
const METADATA_BASE = 2 ** 36;

/** A block set to decode and how to describe it. */
interface Workload {
  label: string;
  blocks: PreservedBlock[];
}

/** Ranges of random lengths split into mixed orders, like a real kernel's preservations. */
function mixedBlocks(): PreservedBlock[] {
  const blocks: PreservedBlock[] = [];
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let at = 0; at < 48 * 2 ** 30; ) {
    const pages = 1 + Math.floor(random() * 600);
    blocks.push(...splitIntoBlocks(at, at + pages * PAGE, PAGE));
    at += (pages + 1 + Math.floor(random() * 900)) * PAGE;
  }
  return blocks;
}

/** Builders rather than block lists, so only one workload's millions of objects are alive at a time. */
const workloads: (() => Workload)[] = [
  () => ({
    label: '4M contiguous order-0 pages (16 GiB)',
    blocks: Array.from({ length: 4 * 1024 * 1024 }, (_, i) => ({ address: i * PAGE, order: 0 })),
  }),
  // Every other page: each preserved page is its own run, the worst case for run-length scanning.
  () => ({
    label: '2M scattered order-0 pages (every other page)',
    blocks: Array.from({ length: 2 * 1024 * 1024 }, (_, i) => ({ address: i * 2 * PAGE, order: 0 })),
  }),
  () => {
    const blocks = mixedBlocks();
    return { label: `${blocks.length} mixed-order blocks over 48 GiB`, blocks };
  },
];

function image(encoded: EncodedMap): SparseMemory {
  const memory = new SparseMemory(PAGE, [{ start: 0, end: METADATA_BASE + 2 ** 30 }]);
  writeEncodedMap(memory, encoded);
  return memory;
}

function allocator(): () => number {
  let next = METADATA_BASE;
  return () => {
    const page = next;
    next += PAGE;
    return page;
  };
}

/** Best of three runs, in milliseconds. */
async function bestOf(decode: () => Promise<PreservedMemoryMap>): Promise<{ ms: number; map: PreservedMemoryMap }> {
  let best = Infinity;
  let map: PreservedMemoryMap | undefined;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    map = await decode();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, map: map as PreservedMemoryMap };
}

/** Decodes each workload as a radix tree and as a 512-byte-bitmap chunk list. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const build of workloads) {
    const { label, blocks } = build();
    const pages = blocks.reduce((sum, b) => sum + 2 ** b.order, 0);
    const encodings = [
      { name: 'radix tree', encode: () => encodeRadixTree(blocks, PAGE, allocator()), decode: decodeRadixTree },
      {
        name: 'chunk list (512-byte bitmaps)',
        encode: () => encodeChunkList(blocks, PAGE, 512, allocator()),
        decode: decodeChunkList,
      },
    ];
    for (const { name, encode, decode } of encodings) {
      const encoded = encode();
      const memory = image(encoded);
      const { ms, map } = await bestOf(() => decode(memory, encoded.root, { maxBlocks: 2 ** 30 }));
      if (map.blockCount !== blocks.length)
        throw new Error(`${name}: decoded ${map.blockCount} blocks, encoded ${blocks.length}`);
      const notes = `${label}; ${encoded.pages.size} metadata pages; ${map.ranges.count} merged ranges; best of 3`;
      results.push({ name: `${name} decode, ${label}`, value: Math.round(ms * 10) / 10, unit: 'ms', notes });
      results.push({
        name: `${name} decode rate, ${label}`,
        value: Math.round(pages / ms / 1000),
        unit: 'Mpages/s',
        notes: `${pages} preserved pages`,
      });
    }
  }
  return results;
}
