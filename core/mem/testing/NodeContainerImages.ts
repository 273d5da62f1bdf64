import type { PhysRange } from '../PhysicalMemory';
import { buildElfCore, flattenPieces, type ElfSegmentSpec } from './ElfCoreBuilder';
import { buildKdump, flattenStream, type KdumpSpec, type TestCompression } from './NodeKdumpBuilder';

/**
 * Test-only: one set of physical pages written out in every container the
 * reader opens (ELF32/ELF64 in either byte order, raw, kdump with any page
 * compression, makedumpfile's flattened form), so a test can check that a
 * result does not depend on the container.
 */

/** Physical memory as pages: RAM ranges and the pages written in them (ascending). */
export interface PageImage {
  pageSize: number;
  ranges: readonly PhysRange[];
  pages: ReadonlyMap<number, Uint8Array>;
}

/** The containers `containerFile` writes. */
export type ContainerKind =
  | 'elf64le'
  | 'elf64be'
  | 'elf32le'
  | 'elf32be'
  | 'raw'
  | 'kdump-zlib'
  | 'kdump-lzo'
  | 'kdump-snappy'
  | 'kdump-none'
  | 'flattened-kdump'
  | 'flattened-elf';

export const CONTAINER_KINDS: readonly ContainerKind[] = [
  'elf64le',
  'elf64be',
  'elf32le',
  'elf32be',
  'raw',
  'kdump-zlib',
  'kdump-lzo',
  'kdump-snappy',
  'kdump-none',
  'flattened-kdump',
  'flattened-elf',
];

const VMCOREINFO = 'PAGESIZE=4096\n';

/** `image` in container `kind`; a raw file starts at the first written page (`base`). */
export function containerFile(image: PageImage, kind: ContainerKind): { bytes: Uint8Array; base?: number } {
  switch (kind) {
    case 'elf64le':
      return { bytes: elfFile(image, 64, true) };
    case 'elf64be':
      return { bytes: elfFile(image, 64, false) };
    case 'elf32le':
      return { bytes: elfFile(image, 32, true) };
    case 'elf32be':
      return { bytes: elfFile(image, 32, false) };
    case 'raw':
      // Room for an edit's new pages after the last written one.
      return rawFile(image, Number.MAX_SAFE_INTEGER, 1 << 20);
    case 'flattened-kdump':
      return {
        bytes: flattenStream(kdumpFile(image, 'zlib', { zeroPages: 256 }), { recordBytes: 4096, reverse: true }),
      };
    case 'flattened-elf':
      return { bytes: flattenStream(elfFile(image, 64, true), { recordBytes: 4096 }) };
    default:
      return { bytes: kdumpFile(image, kind.slice('kdump-'.length) as TestCompression, { zeroPages: 256 }) };
  }
}

/** Runs of adjacent written pages: [start, end) each. */
function pageRuns(image: PageImage): PhysRange[] {
  const runs: PhysRange[] = [];
  for (const page of image.pages.keys()) {
    const last = runs[runs.length - 1];
    if (last && last.end === page) last.end += image.pageSize;
    else runs.push({ start: page, end: page + image.pageSize });
  }
  return runs;
}

function runBytes(image: PageImage, run: PhysRange): Uint8Array {
  const out = new Uint8Array(run.end - run.start);
  for (let at = run.start; at < run.end; at += image.pageSize) out.set(image.pages.get(at)!, at - run.start);
  return out;
}

/**
 * An ELF core of the whole RAM: one `PT_LOAD` per run of written pages,
 * each stretched with zero-fill up to the next run or the end of its RAM
 * range (`tailBytes` more after the last), and a zero-fill segment for RAM
 * before a range's first run.
 */
export function elfFile(image: PageImage, elfClass: 32 | 64, littleEndian: boolean, tailBytes = 0): Uint8Array {
  const runs = pageRuns(image);
  const rangeOf = (address: number) => image.ranges.find((r) => r.start <= address && address < r.end);
  const segments: ElfSegmentSpec[] = [];
  runs.forEach((run, i) => {
    const range = rangeOf(run.start);
    if (range && range.start < run.start && (i === 0 || rangeOf(runs[i - 1].start) !== range))
      segments.push({ paddr: range.start, memsz: BigInt(run.start - range.start) });
    const next = runs[i + 1];
    const end = next && rangeOf(next.start) === range ? next.start : (range?.end ?? run.end);
    const tail = next ? 0 : tailBytes;
    segments.push({ paddr: run.start, data: runBytes(image, run), memsz: BigInt(end + tail - run.start) });
  });
  const notes = [{ name: 'VMCOREINFO', type: 0, desc: new TextEncoder().encode(VMCOREINFO) }];
  return flattenPieces(buildElfCore({ elfClass, littleEndian, segments, notes }));
}

/**
 * A raw dump from the first written page (the base to open it with) to
 * `slackBytes` past the last one, within its RAM range, and at most
 * `maxBytes` long.
 */
export function rawFile(image: PageImage, maxBytes: number, slackBytes = 0): { bytes: Uint8Array; base: number } {
  const runs = pageRuns(image);
  const base = runs[0].start;
  const last = runs[runs.length - 1].end;
  const rangeEnd = image.ranges.find((r) => r.start < last && last <= r.end)?.end ?? last;
  const end = Math.min(Math.min(rangeEnd, last + slackBytes), base + maxBytes);
  const bytes = new Uint8Array(end - base);
  for (const [address, page] of image.pages) if (address < end) bytes.set(page, address - base);
  return { bytes, base };
}

/**
 * A kdump-compressed file of the whole RAM, every written page in
 * `compression`, as are `zeroPages` zero pages after the last one (dumped,
 * as QEMU dumps zero pages: room an edit may use; pages left out of a dump
 * are not known to be zero), and `extraPfns` more RAM pages left out.
 */
export function kdumpFile(
  image: PageImage,
  compression: TestCompression,
  options: { littleEndian?: boolean; wordSize?: 4 | 8; extraPfns?: number; zeroPages?: number } = {},
): Uint8Array {
  const ps = image.pageSize;
  const ram: Array<[number, number]> = image.ranges.map((r) => [r.start / ps, r.end / ps]);
  const lastPfn = ram[ram.length - 1][1];
  const extra = options.extraPfns ?? 0;
  if (extra > 0) ram.push([lastPfn, lastPfn + extra]);
  const pages: KdumpSpec['pages'] = new Map();
  for (const [address, data] of image.pages) pages.set(address / ps, { data, compression });
  const after = Math.max(...image.pages.keys()) / ps + 1;
  const rangeEnd = ram.find(([start, end]) => start < after && after <= end)?.[1] ?? after;
  for (let pfn = after; pfn < Math.min(rangeEnd, after + (options.zeroPages ?? 0)); pfn++)
    pages.set(pfn, { data: new Uint8Array(ps), compression });
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
