import { encodeElfNotes } from '../mem/export/elfNoteEncoding';
import { partLength, type ExportPart } from '../mem/export/ExportPlan';
import { elfMachineFor } from '../mem/export/machineNumbers';
import { writeMemoryElfCore } from '../mem/export/writeMemoryElfCore';
import type { PhysRange } from '../mem/PhysicalMemory';
import type { SparseMemory } from '../mem/SparseMemory';
import type { BuildSpec } from './BuildSpec';

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
  const notes: ExportPart[] = [];
  if (spec.osRelease !== null) {
    const desc = new TextEncoder().encode(`OSRELEASE=${spec.osRelease}\nPAGESIZE=${ps}\n`);
    notes.push({ kind: 'bytes', bytes: encodeElfNotes([{ name: 'VMCOREINFO', type: 0, desc }], true) });
  }
  const ranges = memory.ranges.map((range) => {
    const stored: PhysRange[] = [];
    for (const page of written) {
      if (page < range.start || page >= range.end) continue;
      const last = stored[stored.length - 1];
      if (last && last.end === page) last.end += ps;
      else stored.push({ start: page, end: page + ps });
    }
    return {
      range,
      stored,
      bytes: (start: number, length: number): ExportPart[] => [
        { kind: 'bytes', bytes: memory.readSync(start, length) },
      ],
    };
  });
  const { parts, size } = writeMemoryElfCore({
    littleEndian: true,
    machine: elfMachineFor(spec.machine),
    notes,
    ranges,
    alignData: ps,
  });
  const file = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    if (part.kind === 'bytes') file.set(part.bytes, at);
    at += partLength(part);
  }
  return file;
}
