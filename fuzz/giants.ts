import { emptyFdtDocument, writeFdt, type FdtNode } from '../core/fdt';
import { anchorPage, cstr, fdtBlob, placeRoot, u64le } from '../core/kho/discover/testing/khoTestImage';
import { SparseMemory } from '../core/mem/SparseMemory';
import { buildKdump } from '../core/mem/testing/NodeKdumpBuilder';
import type { FuzzInput } from './FuzzInput';
import type { Rng } from './Rng';
import { elfFile, kdumpFile } from '../core/mem/testing/NodeContainerImages';
import { seedFdts, seedImages, type SeedImage } from './seeds';

const PAGE = 4096;
const MiB = 1 << 20;

/** A sparse memory's written pages as a seed image (to reuse the container builders). */
function asSeed(name: string, memory: SparseMemory): SeedImage {
  const pages = new Map<number, Uint8Array>();
  for (const page of memory.writtenPages()) pages.set(page, memory.readSync(page, memory.pageSize));
  return { name, pageSize: memory.pageSize, ranges: [...memory.ranges], pages };
}

/** A demo whose last segment declares 2^30 to 2^52 bytes of zero-fill. */
function zeroFillGiant(rng: Rng): FuzzInput {
  const seed = rng.pick(seedImages());
  const tail = 2 ** rng.between(30, 52);
  return {
    what: `${seed.name} ELF64 + 2^${Math.log2(tail)} zero-fill`,
    target: 'image',
    bytes: elfFile(seed, 64, true, tail),
  };
}

/** A demo as a kdump declaring up to 2^23 more pages of RAM, none dumped; or a blank 8 TiB one with 1 MiB blocks. */
function excludedGiant(rng: Rng): FuzzInput {
  if (rng.chance(0.3)) {
    const maxMapnr = (8 * 2 ** 40) / MiB;
    const bytes = buildKdump({ blockSize: MiB, maxMapnr, ram: [[0, maxMapnr]], pages: new Map() });
    return { what: 'blank kdump, 8 TiB all excluded', target: 'image', bytes };
  }
  const seed = rng.pick(seedImages());
  const extraPfns = 2 ** rng.between(14, 23);
  return {
    what: `${seed.name} kdump + ${extraPfns} excluded pages`,
    target: 'image',
    bytes: kdumpFile(seed, 'zlib', { extraPfns }),
  };
}

/** 2 to 4 MiB of raw memory whose every page starts with one of the seed FDTs. */
function fdtFlood(rng: Rng): FuzzInput {
  const fdts = seedFdts();
  const pages = rng.between(512, 1024);
  const bytes = new Uint8Array(pages * PAGE);
  for (let p = 0; p < pages; p++) bytes.set(rng.pick(fdts), p * PAGE);
  return { what: `raw, ${pages} pages each starting with an FDT`, target: 'image', bytes, base: 0x100000 };
}

/** Up to 4 MiB of anchor pages chained to the next page, to themselves, in loops, or with huge counts. */
function anchorFlood(rng: Rng): FuzzInput {
  const pages = rng.between(64, 1024);
  const base = rng.pick([0, 0x100000]);
  const bytes = new Uint8Array(pages * PAGE);
  const mode = rng.below(4);
  for (let p = 0; p < pages; p++) {
    const at = base + p * PAGE;
    const next = mode === 0 ? at + PAGE : mode === 1 ? at : mode === 2 ? base + rng.below(pages) * PAGE : 0;
    const page = anchorPage(PAGE, p === pages - 1 && mode === 0 ? 0 : next, rng.pick([1, PAGE, 16 * MiB]), [
      base + rng.below(pages) * PAGE,
    ]);
    if (mode === 3) new DataView(page.buffer).setUint32(24, 0xffffffff, true);
    bytes.set(page, p * PAGE);
  }
  return { what: `raw, ${pages} anchor pages (mode ${mode})`, target: 'image', bytes, base };
}

/** A kho-v1 root FDT with thousands of children, all pointing at one sub-FDT (fan-in) or at the root itself (cycles). */
function wideRoot(rng: Rng): FuzzInput {
  const memory = new SparseMemory(PAGE, [{ start: 0, end: 64 * MiB }]);
  const children: FdtNode[] = [];
  const count = rng.between(2000, 30_000);
  const selfLoop = rng.chance(0.5);
  for (let i = 0; i < count; i++)
    children.push({
      name: `c${i}`,
      properties: [{ name: 'fdt', value: u64le(selfLoop ? 0x10000 : 0x8000) }],
      children: [],
    });
  memory.write(0x8000, fdtBlob('sub-v1'));
  const doc = emptyFdtDocument();
  doc.root = { name: '', properties: [{ name: 'compatible', value: cstr('kho-v1') }], children };
  memory.write(0x10000, writeFdt(doc));
  return {
    what: `kho-v1 root with ${count} children (${selfLoop ? 'each pointing back at the root' : 'fan-in'})`,
    target: 'image',
    bytes: elfFile(asSeed('wide', memory), 64, true),
  };
}

/** A root whose children claim blobs of 16 MiB to 2^63 bytes (`blob-size` lies). */
function blobSizeLies(rng: Rng): FuzzInput {
  const memory = new SparseMemory(PAGE, [{ start: 0, end: 256 * MiB }]);
  const count = rng.between(1, 48);
  const blobSize = rng.pick([16 * MiB, 64 * MiB, 2 ** 53, 2 ** 63]);
  placeRoot(memory, {
    address: 0x10000,
    compatible: 'kho-v4',
    map: 'radix-tree',
    mapPages: 0x200000,
    children: Array.from({ length: count }, (_, i) => ({
      name: `b${i}`,
      blob: 0x100000 + i * PAGE,
      property: 'preserved-data' as const,
      blobSize,
    })),
  });
  return {
    what: `kho-v4 root, ${count} blobs claiming ${blobSize} bytes each`,
    target: 'image',
    bytes: elfFile(asSeed('blob-size', memory), 64, true),
  };
}

const GIANTS = [zeroFillGiant, excludedGiant, fdtFlood, anchorFlood, wideRoot, blobSizeLies];

/** One hand-made giant: a few MB of file that declares or holds far more. */
export function makeGiant(rng: Rng): FuzzInput {
  return rng.pick(GIANTS)(rng);
}
