import { PT_LOAD } from '../containers/ElfCoreHeader';
import { MemoryError } from '../MemoryError';
import type { ElfImage } from '../OpenedImage';
import type { ExportFile, ExportPart } from './ExportPlan';
import { writeElfCore, type ElfSegmentOut } from './ElfCoreWriter';
import { fileBaseName } from './fileBaseName';
import { newPageSegments } from './newPageSegments';
import { changesWithin, overlayChanges, placement, type PageChange } from './pageChanges';

/**
 * Exports an ELF core with changed pages: the same program headers in the
 * same order (only `p_offset` moves, keeping each segment's original
 * alignment modulo the page size), changed bytes laid over the original
 * data, a change in a segment's zero-fill tail extends its `p_filesz`, and
 * pages outside every segment become new `PT_LOAD` segments at the end.
 * Section headers are not carried over (core readers use program headers).
 */
export function exportElfImage(image: ElfImage, changes: readonly PageChange[]): ExportFile {
  const { elf, content, pageSize } = image;
  const fresh: PageChange[] = [];
  for (const change of changes) {
    const where = placement(image.memory.ranges, change.address, change.address + pageSize);
    if (where === 'straddles')
      throw new MemoryError('physical', change.address, 'ELF export', 'changed page straddles the edge of a segment');
    if (where === 'outside') fresh.push(change);
  }

  const segments: ElfSegmentOut[] = elf.programHeaders.map((ph) => {
    const common = {
      type: ph.type,
      flags: ph.flags,
      vaddr: ph.vaddr,
      paddr: ph.paddr,
      memsz: ph.memsz,
      align: ph.align,
      placeAt: { modulus: pageSize, remainder: ph.offset % pageSize },
    };
    const source = (offset: number, length: number): ExportPart[] => [
      { kind: 'source', source: content, offset, length },
    ];
    if (ph.type !== PT_LOAD) return { ...common, filesz: ph.filesz, parts: source(ph.offset, ph.filesz) };
    const paddr = Number(ph.paddr);
    const memsz = Number(ph.memsz);
    const touching = changesWithin(changes, paddr, paddr + memsz);
    // A change in the zero-fill tail must be stored: grow p_filesz up to the end of the last change (at most p_memsz).
    const lastEnd = touching.length > 0 ? touching[touching.length - 1].address + pageSize : 0;
    const filesz = Math.max(ph.filesz, Math.min(memsz, lastEnd - paddr));
    const parts = overlayChanges(paddr, filesz, touching, (address, length) => {
      const rel = address - paddr;
      const stored = Math.max(0, Math.min(length, ph.filesz - rel));
      const out = source(ph.offset + rel, stored);
      if (stored < length) out.push({ kind: 'zeros', length: length - stored });
      return out;
    });
    return { ...common, filesz, parts };
  });
  const flags = elf.programHeaders.find((ph) => ph.type === PT_LOAD)?.flags ?? 7;
  segments.push(...newPageSegments(fresh, pageSize, flags));

  const header = elf.header;
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const is64 = elf.elfClass === 64;
  const { parts, size } = writeElfCore({
    elfClass: elf.elfClass,
    littleEndian: elf.littleEndian,
    osAbi: header[7],
    abiVersion: header[8],
    machine: elf.machine,
    flags: view.getUint32(is64 ? 48 : 36, elf.littleEndian),
    entry: is64 ? view.getBigUint64(24, elf.littleEndian) : BigInt(view.getUint32(24, elf.littleEndian)),
    segments,
  });
  const name = fileBaseName(image.source.name);
  return { path: image.flattened ? `${name}.elf` : name, size, parts };
}
