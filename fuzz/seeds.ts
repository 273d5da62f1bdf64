import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { printDts } from '../core/fdt/dts/printDts';
import { readFdt } from '../core/fdt/readFdt';
import type { PageImage } from '../core/mem/testing/NodeContainerImages';
import { buildSpecFile } from '../core/spec/NodeSpecFiles';

const DEMOS = join(import.meta.dirname, '../demos');

/** A built demo's physical memory: its RAM ranges and the pages it wrote (ascending). */
export interface SeedImage extends PageImage {
  name: string;
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

/** The Linux 7.3.4 kernel's own debugfs `kho/out` (fixtures/linux-7.3/truth), as it wrote it. */
const REAL_DEBUGFS = join(import.meta.dirname, '../fixtures/linux-7.3/truth/debugfs/kho/out');

/**
 * The files of the real kernel's debugfs `kho/out`, named by their path
 * inside it (`fdt`, a 233-byte prefix of the root, `sub_fdts/<name>`,
 * `scratch_phys`, `scratch_len`): a seed taken as it is.
 */
export function realDebugfsFiles(): { name: string; bytes: Uint8Array }[] {
  realDebugfsCache ??= readdirSync(REAL_DEBUGFS, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({
      name: relative(REAL_DEBUGFS, path).split(sep).join('/'),
      bytes: new Uint8Array(readFileSync(path)),
    }));
  return realDebugfsCache;
}

let realDebugfsCache: { name: string; bytes: Uint8Array }[] | undefined;

/** The whole root FDT of the real kernel (the debugfs `fdt` holds only its first 233 bytes). */
export function realRootDtb(): Uint8Array {
  realRootCache ??= new Uint8Array(
    readFileSync(join(import.meta.dirname, '../fixtures/linux-7.3/truth/root-fdt-full.dtb')),
  );
  return realRootCache;
}

let realRootCache: Uint8Array | undefined;

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
