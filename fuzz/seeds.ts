import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
