import { fdtDocument, fdtNode } from '../../core/build/fdtTree';
import { cstring, u64 } from '../../core/bytes/encoders';
import { writeFdt } from '../../core/fdt/writeFdt';
import { buildKexecChain } from '../../core/build/kexecChain';
import { encodeLuoSer } from '../../core/build/rawStructs';
import type { SparseMemory } from '../../core/mem/SparseMemory';
import { buildElfCore, flattenPieces } from '../../core/mem/testing/ElfCoreBuilder';
import { MAINLINE, mainlineMemory, memblockFdt, twoRootsMemory } from '../../app/testing/mainlineImage';

/**
 * Images the e2e specs open, built on the Node side (app/testing's
 * mainline image, core/build) and written as ELF cores with one PT_LOAD
 * per run of written pages, so the files stay small; and the same tree as a
 * debugfs blob set.
 */

export { MAINLINE };

/** The mainline image (app/testing/mainlineImage) as an ELF core. */
export function mainlineElf(): Uint8Array {
  return elfOf(mainlineMemory());
}

/** Two kho-v4 roots as an ELF core: the chooser lists both. */
export function twoRootsElf(): Uint8Array {
  return elfOf(twoRootsMemory());
}

/** The memory of kernel C after a chain A→B→C (core/build/kexecChain) as an ELF core: three roots. */
export function kexecChainElf(): Uint8Array {
  return elfOf(buildKexecChain(3).memory);
}

/** A debugfs blob set (`kho/out`) of the mainline tree: relative path → bytes. */
export function mainlineBlobSet(): { path: string; bytes: Uint8Array }[] {
  const memblock = writeFdt(memblockFdt());
  const luo = encodeLuoSer({ liveupdateNum: 1, sessionsPa: 0, flbsPa: 0 });
  const root = writeFdt(
    fdtDocument(
      [
        ['compatible', cstring('kho-v4')],
        ['preserved-memory-map', u64(0x239000)],
      ],
      [
        fdtNode('memblock', [
          ['blob-size', u64(memblock.length)],
          ['preserved-data', u64(MAINLINE.memblock)],
        ]),
        fdtNode('LUO', [
          ['blob-size', u64(luo.length)],
          ['preserved-data', u64(MAINLINE.luo)],
        ]),
      ],
    ),
  );
  const text = (value: string) => new TextEncoder().encode(value);
  return [
    { path: 'fdt', bytes: root },
    { path: 'sub_fdts/memblock', bytes: memblock },
    { path: 'sub_fdts/LUO', bytes: luo },
    { path: 'scratch_phys', bytes: text('0x1b400000\n') },
    { path: 'scratch_len', bytes: text('0x3800000\n') },
  ];
}

/** An ELF core of a sparse memory: one PT_LOAD per run of consecutive written pages. */
export function elfOf(memory: SparseMemory): Uint8Array {
  const pages = memory.writtenPages();
  const segments: { paddr: number; data: Uint8Array }[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0) segments.push({ paddr: runStart, data: memory.readSync(runStart, runEnd - runStart) });
  };
  for (const page of pages) {
    if (page !== runEnd) {
      flush();
      runStart = page;
    }
    runEnd = page + memory.pageSize;
  }
  flush();
  return flattenPieces(buildElfCore({ elfClass: 64, littleEndian: true, segments }));
}
