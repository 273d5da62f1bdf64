import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printDts } from '../core/fdt/dts/printDts';
import { readFdt } from '../core/fdt/readFdt';
import type { PhysRange } from '../core/mem/PhysicalMemory';
import { buildElfCore, flattenPieces, type ElfSegmentSpec } from '../core/mem/testing/ElfCoreBuilder';
import { buildKdump, type KdumpSpec, type TestCompression } from '../core/mem/testing/NodeKdumpBuilder';
import { buildSpecFile } from '../core/spec/NodeSpecFiles';

const DEMOS = join(import.meta.dirname, '../demos');
const VMCOREINFO = 'PAGESIZE=4096\n';

/** A built demo's physical memory: its RAM ranges and the pages it wrote. */
export interface SeedImage {
  name: string;
  pageSize: number;
  ranges: PhysRange[];
  /** Written pages by address, ascending. */
  pages: Map<number, Uint8Array>;
}

let demoCache: SeedImage[] | undefined;

/** Every demo of demos/demos.json, built from its spec once per process. */
export function seedImages(): SeedImage[] {
  if (demoCache) return demoCache;
  const catalog = JSON.parse(readFileSync(join(DEMOS, 'demos.json'), 'utf8')) as { id: string; spec?: string }[];
  demoCache = catalog
    .flatMap(({ id, spec }) => (spec ? [{ id, spec }] : []))
    .map(({ id, spec }) => {
      const { built } = buildSpecFile(join(DEMOS, spec));
      const memory = built.memory;
      const pages = new Map<number, Uint8Array>();
      for (const page of memory.writtenPages()) pages.set(page, memory.readSync(page, memory.pageSize));
      return { name: id, pageSize: memory.pageSize, ranges: [...memory.ranges], pages };
    });
  return demoCache;
}

/** The real Linux 7.3.4 image carved to its KHO tree (an ELF64 core): a seed taken as it is. */
export function realKernelElf(): Uint8Array {
  realCache ??= new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/linux-7.3/at-kexec.carved.elf')));
  return realCache;
}

let realCache: Uint8Array | undefined;

/** Runs of adjacent written pages: [start, end) each. */
function pageRuns(seed: SeedImage): PhysRange[] {
  const runs: PhysRange[] = [];
  for (const page of seed.pages.keys()) {
    const last = runs[runs.length - 1];
    if (last && last.end === page) last.end += seed.pageSize;
    else runs.push({ start: page, end: page + seed.pageSize });
  }
  return runs;
}

function runBytes(seed: SeedImage, run: PhysRange): Uint8Array {
  const out = new Uint8Array(run.end - run.start);
  for (let at = run.start; at < run.end; at += seed.pageSize) out.set(seed.pages.get(at)!, at - run.start);
  return out;
}

/**
 * The seed as an ELF core: one `PT_LOAD` per run of written pages, each
 * stretched with zero-fill up to the next run (or `tailBytes` past the last),
 * so RAM reads as the demo built it.
 */
export function seedElf(seed: SeedImage, elfClass: 32 | 64, littleEndian: boolean, tailBytes = 0): Uint8Array {
  const runs = pageRuns(seed);
  const segments: ElfSegmentSpec[] = runs.map((run, i) => {
    const next = runs[i + 1]?.start ?? run.end + tailBytes;
    return { paddr: run.start, data: runBytes(seed, run), memsz: BigInt(next - run.start) };
  });
  const notes = [{ name: 'VMCOREINFO', type: 0, desc: new TextEncoder().encode(VMCOREINFO) }];
  return flattenPieces(buildElfCore({ elfClass, littleEndian, segments, notes }));
}

/** The seed as a raw dump of at most `maxBytes` from its first written page (the base to open it with). */
export function seedRaw(seed: SeedImage, maxBytes: number): { bytes: Uint8Array; base: number } {
  const runs = pageRuns(seed);
  const base = runs[0].start;
  const end = Math.min(runs[runs.length - 1].end, base + maxBytes);
  const bytes = new Uint8Array(end - base);
  for (const [address, page] of seed.pages) if (address < end) bytes.set(page, address - base);
  return { bytes, base };
}

/** The seed as a kdump-compressed file, every page in `compression`, with `extraPfns` more RAM pages left out of the dump. */
export function seedKdump(
  seed: SeedImage,
  compression: TestCompression,
  options: { littleEndian?: boolean; wordSize?: 4 | 8; extraPfns?: number } = {},
): Uint8Array {
  const ps = seed.pageSize;
  const ram: Array<[number, number]> = seed.ranges.map((r) => [r.start / ps, r.end / ps]);
  const lastPfn = ram[ram.length - 1][1];
  const extra = options.extraPfns ?? 0;
  if (extra > 0) ram.push([lastPfn, lastPfn + extra]);
  const pages: KdumpSpec['pages'] = new Map();
  for (const [address, data] of seed.pages) pages.set(address / ps, { data, compression });
  return buildKdump({
    blockSize: ps,
    maxMapnr: lastPfn + extra,
    ram,
    pages,
    vmcoreinfo: VMCOREINFO,
    littleEndian: options.littleEndian,
    wordSize: options.wordSize,
  });
}

let fdtCache: Uint8Array[] | undefined;
let dtsCache: string[] | undefined;

/** Every readable one-page FDT blob at a page start of the seeds (roots and sub-FDTs). */
export function seedFdts(): Uint8Array[] {
  if (fdtCache) return fdtCache;
  const blobs: Uint8Array[] = [];
  for (const seed of seedImages()) {
    for (const page of seed.pages.values()) {
      const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
      if (view.getUint32(0) !== 0xd00dfeed) continue;
      const size = view.getUint32(4);
      if (size < 40 || size > page.length) continue;
      const blob = page.slice(0, size);
      try {
        readFdt(blob);
        blobs.push(blob);
      } catch {
        // The broken demo's deliberately broken blobs: no starting point for round trips.
      }
    }
  }
  fdtCache = blobs;
  return blobs;
}

/** The seed FDTs as DTS text (`printDts`), the DTS family's starting points. */
export function seedDtsTexts(): string[] {
  dtsCache ??= seedFdts().map((blob) => printDts(readFdt(blob).toDocument()));
  return dtsCache;
}
