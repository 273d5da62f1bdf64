import { encodeElfNotes } from '../mem/export/elfNoteEncoding';
import { writeElfCore, type ElfSegmentOut } from '../mem/export/ElfCoreWriter';
import { partLength } from '../mem/export/ExportPlan';
import { elfMachineFor } from '../mem/export/machineNumbers';
import type { SparseMemory } from '../mem/SparseMemory';
import type { BuildSpec } from './BuildSpec';

const PT_LOAD = 1;
const PT_NOTE = 4;
const PF_RWX = 7;

/**
 * The image file of a built spec. Raw: the one RAM range byte for byte.
 * ELF: an ELF64 little-endian core (the layout QEMU's `dump-guest-memory`
 * writes) whose `PT_LOAD` segments store only the pages the build wrote;
 * the rest of each RAM range is the zero-fill tail of the segment before
 * it (or a segment of its own with nothing stored), so the RAM ranges stay
 * whole and the file small. A VMCOREINFO note states the page size and
 * release when the spec gives one.
 */
export function writeImageFile(spec: BuildSpec, memory: SparseMemory): Uint8Array {
  if (spec.container === 'raw') {
    const range = memory.ranges[0];
    return memory.readSync(range.start, range.end - range.start);
  }
  const ps = memory.pageSize;
  const written = memory.writtenPages();
  const segments: ElfSegmentOut[] = [];
  if (spec.osRelease !== null) {
    const desc = new TextEncoder().encode(`OSRELEASE=${spec.osRelease}\nPAGESIZE=${ps}\n`);
    const notes = encodeElfNotes([{ name: 'VMCOREINFO', type: 0, desc }], true);
    segments.push({
      type: PT_NOTE,
      flags: 0,
      vaddr: 0n,
      paddr: 0n,
      memsz: BigInt(notes.length),
      align: 0n,
      filesz: notes.length,
      parts: [{ kind: 'bytes', bytes: notes }],
    });
  }
  for (const range of memory.ranges) {
    const runs: { start: number; end: number }[] = [];
    for (const page of written) {
      if (page < range.start || page >= range.end) continue;
      const last = runs[runs.length - 1];
      if (last && last.end === page) last.end += ps;
      else runs.push({ start: page, end: page + ps });
    }
    if (runs.length === 0 || runs[0].start > range.start) runs.unshift({ start: range.start, end: range.start });
    runs.forEach((run, i) => {
      const end = runs[i + 1]?.start ?? range.end;
      const stored = run.end - run.start;
      segments.push({
        type: PT_LOAD,
        flags: PF_RWX,
        vaddr: 0n,
        paddr: BigInt(run.start),
        memsz: BigInt(end - run.start),
        align: 0n,
        filesz: stored,
        parts: stored > 0 ? [{ kind: 'bytes', bytes: memory.readSync(run.start, stored) }] : [],
        placeAt: { modulus: ps, remainder: 0 },
      });
    });
  }
  const { parts, size } = writeElfCore({
    elfClass: 64,
    littleEndian: true,
    osAbi: 0,
    abiVersion: 0,
    machine: elfMachineFor(spec.machine),
    flags: 0,
    entry: 0n,
    segments,
  });
  const file = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    if (part.kind === 'bytes') file.set(part.bytes, at);
    at += partLength(part);
  }
  return file;
}
