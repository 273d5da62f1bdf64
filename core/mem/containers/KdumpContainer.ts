import type { ByteSource } from '../ByteSource';
import { PageDecompressor } from '../compression/PageDecompressor';
import { WebStreamInflater } from '../compression/WebStreamInflater';
import type { KdumpImage } from '../OpenedImage';
import type { ResolvedOpenOptions } from '../OpenImageOptions';
import { RangeList } from '../RangeList';
import { CachedSource } from '../sources/CachedSource';
import { readFully } from '../sources/readRange';
import { parseElfNotes, type NoteEntry } from './ElfNotes';
import { buildImageNotes } from './ImageNotes';
import { KdumpBitmap } from './KdumpBitmap';
import { readKdumpLayout } from './KdumpHeader';
import { KdumpMemory } from './KdumpMemory';

/**
 * Opens a kdump-compressed file. `content` is the KDUMP file (the user's
 * file, or the one rebuilt from a flattened stream). The RAM ranges come from
 * one sequential pass over the 1st bitmap; the 2nd bitmap is only counted
 * lazily, as far as reads go.
 */
export async function openKdump(
  source: ByteSource,
  content: ByteSource,
  flattened: boolean,
  options: ResolvedOpenOptions,
): Promise<KdumpImage> {
  const { limits } = options;
  const warnings: string[] = [];
  const layout = await readKdumpLayout(content, limits, warnings);
  const cached = new CachedSource(content, { chunkBytes: limits.cacheChunkBytes, maxBytes: limits.cacheBytes });
  const scanBytes = limits.cacheChunkBytes * 16;
  const ram = new KdumpBitmap(
    cached,
    layout.ramBitmapOffset,
    layout.maxMapnr,
    'kdump 1st bitmap (pages in RAM)',
    scanBytes,
  );
  const dumped = new KdumpBitmap(
    cached,
    layout.dumpedBitmapOffset,
    layout.maxMapnr,
    'kdump 2nd bitmap (pages dumped)',
    scanBytes,
  );
  const runs = await ram.runs(0, layout.maxMapnr, limits.maxRanges);
  const ranges = new RangeList(runs.map((r) => ({ start: r.start * layout.blockSize, end: r.end * layout.blockSize })));

  let entries: NoteEntry[] = [];
  if (layout.notes) {
    const bytes = await readFully(content, layout.notes.offset, layout.notes.size, 'kdump ELF notes');
    entries = parseElfNotes(bytes, layout.littleEndian, layout.notes.offset, limits.maxNotes, warnings);
  }
  let vmcoreinfoText: string | undefined;
  if (layout.vmcoreinfo) {
    const bytes = await readFully(content, layout.vmcoreinfo.offset, layout.vmcoreinfo.size, 'kdump VMCOREINFO');
    vmcoreinfoText = new TextDecoder().decode(bytes);
  }
  const notes = buildImageNotes(entries, vmcoreinfoText, warnings, layout.release || undefined);
  if (notes.pageSizeFromImage !== undefined && notes.pageSizeFromImage !== layout.blockSize) {
    warnings.push(
      `VMCOREINFO PAGESIZE=${notes.pageSizeFromImage} differs from the kdump block size ${layout.blockSize}; pages are addressed by the block size`,
    );
  }
  const decompressor = new PageDecompressor(layout.blockSize, options.inflater ?? defaultInflater());
  const memory = new KdumpMemory(cached, layout, ram, dumped, ranges, decompressor, limits.decodedPages);
  // One warning for a truncated dump, rather than an error for every page it lost.
  const dumpedPages = await dumped.rank(layout.maxMapnr);
  const described = memory.descriptorsInFile();
  if (dumpedPages > described) {
    warnings.push(
      `the file ends inside the page descriptor table (at ${content.size} bytes): it describes ${described} of the ${dumpedPages} dumped pages, so the other ${dumpedPages - described} cannot be read (a truncated or incomplete dump)`,
    );
  }
  return {
    kind: 'memory',
    container: 'kdump',
    flattened,
    source,
    content,
    memory,
    notes,
    pageSize: layout.blockSize,
    warnings,
    kdump: layout,
  };
}

/** The web-platform inflater when this runtime has `DecompressionStream` (browsers, Node 18+). */
function defaultInflater(): WebStreamInflater | undefined {
  return typeof DecompressionStream === 'function' ? new WebStreamInflater() : undefined;
}
