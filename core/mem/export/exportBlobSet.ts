import { SCRATCH_FILE_NAMES } from '../containers/DebugfsSet';
import { MemoryError } from '../MemoryError';
import type { DebugfsImage, DtbImage } from '../OpenedImage';
import type { ExportFile, ExportPart } from './ExportPlan';
import { fileBaseName } from './fileBaseName';

const CHILD_PATH = /^sub_fdts\/(?!\.\.?$)[^/]+$/;
const TOP_PATHS = new Set(['fdt', 'scratch_phys', 'scratch_len', 'bootmem_phys', 'bootmem_len']);

/**
 * Exports a debugfs set as files (paths relative to the `out` folder):
 * unchanged files as slices of the originals, changed ones with their new
 * bytes, and new `sub_fdts/<name>` (or scratch) files added. Scratch files
 * keep the names the set's kernel used: a new `scratch_phys` for a set
 * written by a 7.4 kernel is written as `bootmem_phys`, and the other way round.
 */
export function exportDebugfsSet(image: DebugfsImage, given: ReadonlyMap<string, Uint8Array>): ExportFile[] {
  const blobs = new Map<string, Uint8Array>();
  for (const [path, bytes] of given) {
    if (!TOP_PATHS.has(path) && !CHILD_PATH.test(path)) {
      throw new MemoryError(
        'file',
        0,
        'debugfs export',
        `'${path}' is not a debugfs path (fdt, sub_fdts/<name>, scratch_phys, scratch_len, bootmem_phys, bootmem_len)`,
      );
    }
    blobs.set(scratchPathFor(image, path), bytes);
  }
  const files = image.files.map((file) =>
    fileOf(file.path, blobs.get(file.path), {
      kind: 'source',
      source: file.source,
      offset: 0,
      length: file.source.size,
    }),
  );
  for (const [path, bytes] of blobs) {
    if (!image.files.some((f) => f.path === path)) files.push(fileOf(path, bytes, undefined));
  }
  return files;
}

/** `path` with a scratch file renamed to the naming of the set's kernel (other paths unchanged). */
function scratchPathFor(image: DebugfsImage, path: string): string {
  if (!image.scratchNaming) return path;
  const names = SCRATCH_FILE_NAMES[image.scratchNaming];
  if (path === 'scratch_phys' || path === 'bootmem_phys') return names.phys;
  if (path === 'scratch_len' || path === 'bootmem_len') return names.len;
  return path;
}

/** Exports a lone DTB: its new bytes (`fdt` in `blobs`), or the original file. */
export function exportDtb(image: DtbImage, blobs: ReadonlyMap<string, Uint8Array>): ExportFile {
  for (const path of blobs.keys()) {
    if (path !== 'fdt') throw new MemoryError('file', 0, 'DTB export', `a lone DTB has one blob, 'fdt', not '${path}'`);
  }
  return fileOf(fileBaseName(image.source.name), blobs.get('fdt'), {
    kind: 'source',
    source: image.source,
    offset: 0,
    length: image.source.size,
  });
}

function fileOf(path: string, bytes: Uint8Array | undefined, original: ExportPart | undefined): ExportFile {
  const part: ExportPart = bytes ? { kind: 'bytes', bytes } : (original as ExportPart);
  const size = part.kind === 'bytes' ? part.bytes.length : part.kind === 'source' ? part.length : 0;
  return { path, size, parts: size > 0 ? [part] : [] };
}
