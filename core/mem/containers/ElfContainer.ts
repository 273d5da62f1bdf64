import type { ByteSource } from '../ByteSource';
import { MemoryError } from '../MemoryError';
import type { ElfImage } from '../OpenedImage';
import type { ResolvedOpenOptions } from '../OpenImageOptions';
import { resolveOverlaps } from '../resolveOverlaps';
import { CachedSource } from '../sources/CachedSource';
import { readFully } from '../sources/readRange';
import { PT_LOAD, PT_NOTE, readElfCoreLayout, type ProgramHeader } from './ElfCoreHeader';
import { ElfMemory, type LoadSegment } from './ElfMemory';
import { parseElfNotes, type NoteEntry } from './ElfNotes';
import { buildImageNotes } from './ImageNotes';
import { ADDRESS_LIMIT } from '../../bytes/address';

/**
 * Opens an ELF core: `PT_LOAD` segments mapped by `p_paddr` (bytes between
 * `p_filesz` and `p_memsz` read as zero), `PT_NOTE` segments parsed
 * (VMCOREINFO, QEMU, CORE). `content` is the ELF file; `source` the file the
 * user gave (they differ for a flattened stream).
 */
export async function openElfCore(
  source: ByteSource,
  content: ByteSource,
  flattened: boolean,
  options: ResolvedOpenOptions,
): Promise<ElfImage> {
  const { limits } = options;
  const layout = await readElfCoreLayout(content, limits.maxSegments);
  const warnings: string[] = [];
  const segments = layout.programHeaders
    .filter((ph) => ph.type === PT_LOAD)
    .map(loadSegment)
    .filter((s) => s.memsz > 0);

  const entries: NoteEntry[] = [];
  let noteBytes = 0;
  for (const ph of layout.programHeaders) {
    if (ph.type !== PT_NOTE) continue;
    noteBytes += ph.filesz;
    if (noteBytes > limits.maxNoteBytes) {
      throw new MemoryError(
        'file',
        ph.at,
        `ELF program header ${ph.index} (PT_NOTE)`,
        `note segments total more than the ${limits.maxNoteBytes}-byte limit`,
      );
    }
    const bytes = await readFully(content, ph.offset, ph.filesz, `ELF note segment ${ph.index}`);
    for (const entry of parseElfNotes(
      bytes,
      layout.littleEndian,
      ph.offset,
      limits.maxNotes - entries.length,
      warnings,
    ))
      entries.push(entry);
  }

  const resolved = resolveOverlaps(
    segments.map((s) => s.paddr),
    segments.map((s) => s.paddr + s.memsz),
    (i) => i,
  );
  for (const pair of resolved.overlaps) {
    const [first, second] = pair.map((i) => segments[i]).sort((x, y) => x.index - y.index);
    const what = `PT_LOAD segments ${first.index} [0x${first.paddr.toString(16)}, 0x${(first.paddr + first.memsz).toString(16)}) and ${second.index} [0x${second.paddr.toString(16)}, 0x${(second.paddr + second.memsz).toString(16)}) overlap`;
    if (options.overlappingSegments === 'reject')
      throw new MemoryError('physical', second.paddr, `ELF program header ${second.index}`, what);
    warnings.push(`${what}: the segment listed first provides the bytes`);
  }

  const notes = buildImageNotes(entries, undefined, warnings);
  const pageSize = notes.pageSizeFromImage ?? options.pageSize;
  const cached = new CachedSource(content, { chunkBytes: limits.cacheChunkBytes, maxBytes: limits.cacheBytes });
  const memory = new ElfMemory(cached, segments, resolved.pieces, pageSize);
  return {
    kind: 'memory',
    container: 'elf',
    flattened,
    source,
    content,
    memory,
    notes,
    pageSize,
    warnings,
    elf: layout,
  };
}

/** Checks one PT_LOAD's address fields and turns them into safe numbers. */
function loadSegment(ph: ProgramHeader): LoadSegment {
  const structure = `ELF program header ${ph.index} (PT_LOAD)`;
  if (ph.paddr >= ADDRESS_LIMIT || ph.memsz >= ADDRESS_LIMIT || ph.paddr + ph.memsz > ADDRESS_LIMIT) {
    throw new MemoryError(
      'file',
      ph.at,
      structure,
      `physical range 0x${ph.paddr.toString(16)} + 0x${ph.memsz.toString(16)} does not fit below 2^53`,
    );
  }
  const memsz = Number(ph.memsz);
  if (ph.filesz > memsz) {
    throw new MemoryError(
      'file',
      ph.at,
      structure,
      `p_filesz 0x${ph.filesz.toString(16)} is larger than p_memsz 0x${memsz.toString(16)}`,
    );
  }
  return { index: ph.index, paddr: Number(ph.paddr), memsz, filesz: ph.filesz, offset: ph.offset };
}
