import type { ByteSource } from '../ByteSource';
import { MemoryError } from '../MemoryError';
import type { DebugfsImage } from '../OpenedImage';
import type { MemoryLimits } from '../OpenImageOptions';
import { readFully } from '../sources/readRange';
import { FDT_MAGIC, startsWithFdtMagic } from './detectContainer';
import { ADDRESS_LIMIT } from '../../bytes/address';

/** One KHO scratch area (from `scratch_phys` and `scratch_len`, `bootmem_*` from Linux 7.4-rc1). */
export interface ScratchArea {
  start: number;
  size: number;
}

/**
 * What a file of the debugfs set is. `scratch_phys`/`scratch_len` are the
 * scratch-area lists under either of their names: Linux 7.4-rc1 renamed
 * "scratch" to "bootmem" (`bootmem_phys`, `bootmem_len`); the file's `path`
 * keeps the name its kernel used.
 */
export type DebugfsRole = 'root' | 'child' | 'scratch_phys' | 'scratch_len' | 'cmdline';

/**
 * A `cmdline` file beside `fdt` is a copy of the kernel's `/proc/cmdline`
 * (no kernel writes it into `kho/out`: khoscope's own convention, so that a
 * set carries the command line its reserve-mem regions are judged against).
 */
export const CMDLINE_FILE = 'cmdline';
/** Longest `cmdline` file read: far above any kernel's COMMAND_LINE_SIZE (2 KiB on x86, 4 KiB on arm64). */
const MAX_CMDLINE_BYTES = 64 * 1024;

/** The scratch-area file names of each kernel generation, in the order they appeared. */
export const SCRATCH_FILE_NAMES = {
  scratch: { phys: 'scratch_phys', len: 'scratch_len' },
  bootmem: { phys: 'bootmem_phys', len: 'bootmem_len' },
} as const;

/** Which generation's names a debugfs set uses for its scratch areas. */
export type ScratchNaming = keyof typeof SCRATCH_FILE_NAMES;

/** One recognised file of a debugfs set. */
export interface DebugfsFile {
  role: DebugfsRole;
  /** Path inside the `out` folder: `fdt`, `sub_fdts/<name>`, `scratch_phys`, `bootmem_len`, ... */
  path: string;
  /** Child name for `sub_fdts/<name>`; the path otherwise. */
  name: string;
  source: ByteSource;
}

// `.` and `..` are not child names (they would escape the folder when exported).
const CHILD = /^(.*?)sub_fdts\/(?!\.\.?$)([^/]+)$/;
const TOP = /^(.*?)(fdt|scratch_phys|scratch_len|bootmem_phys|bootmem_len|cmdline)$/;

/** Splits a file name into the folder prefix and its role inside `kho/out`, or null when unrelated. */
function classify(name: string): { prefix: string; file: Omit<DebugfsFile, 'source'> } | null {
  const path = name.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
  const child = CHILD.exec(path);
  if (child && (child[1] === '' || child[1].endsWith('/'))) {
    return { prefix: child[1], file: { role: 'child', path: `sub_fdts/${child[2]}`, name: child[2] } };
  }
  const top = TOP.exec(path);
  if (top && (top[1] === '' || top[1].endsWith('/'))) {
    const role: DebugfsRole =
      top[2] === 'fdt'
        ? 'root'
        : top[2] === CMDLINE_FILE
          ? 'cmdline'
          : top[2].endsWith('_phys')
            ? 'scratch_phys'
            : 'scratch_len';
    return { prefix: top[1], file: { role, path: top[2], name: top[2] } };
  }
  return null;
}

/**
 * Opens the KHO debugfs files of one kernel (`fdt`, `sub_fdts/<name>`,
 * optional `scratch_phys`/`scratch_len`, or `bootmem_phys`/`bootmem_len` as
 * Linux 7.4-rc1 names them, and an optional `cmdline`, a copy of `/proc/cmdline`), named by their paths relative to a
 * `kho/out`-like folder (`fdt`, `out/fdt`, `kho/out/fdt`, ... — all files must
 * share the folder). Files with other names are ignored with a warning.
 */
export async function openDebugfsSet(sources: readonly ByteSource[], limits: MemoryLimits): Promise<DebugfsImage> {
  if (sources.length > limits.maxBlobs) {
    throw new MemoryError(
      'file',
      0,
      'debugfs file set',
      `${sources.length} files exceed the limit of ${limits.maxBlobs}`,
    );
  }
  const warnings: string[] = [];
  const files: DebugfsFile[] = [];
  // Paths seen so far: a set may hold maxBlobs files, so duplicates are found by lookup, not by a scan per file.
  const paths = new Set<string>();
  let prefix: string | undefined;
  for (const source of sources) {
    const found = classify(source.name);
    if (!found) {
      warnings.push(
        `${source.name}: not a KHO debugfs file (fdt, sub_fdts/<name>, scratch_phys, scratch_len, bootmem_phys, bootmem_len, cmdline); ignored`,
      );
      continue;
    }
    if (prefix !== undefined && found.prefix !== prefix) {
      throw new MemoryError(
        'file',
        0,
        'debugfs file set',
        `${source.name} is not in the same folder as the other files ('${prefix}')`,
      );
    }
    prefix = found.prefix;
    if (paths.has(found.file.path)) {
      throw new MemoryError('file', 0, 'debugfs file set', `two files named ${found.file.path}`);
    }
    paths.add(found.file.path);
    files.push({ ...found.file, source });
  }
  const rootFile = files.find((f) => f.role === 'root');
  if (!rootFile)
    throw new MemoryError('file', 0, 'debugfs file set', 'no `fdt` file (the root KHO tree) among the files');

  const read = (file: DebugfsFile) => {
    if (file.source.size > limits.maxBlobBytes) {
      throw new MemoryError(
        'file',
        0,
        `debugfs ${file.path}`,
        `${file.source.size} bytes exceed the ${limits.maxBlobBytes}-byte limit`,
      );
    }
    return readFully(file.source, 0, file.source.size, `debugfs ${file.path}`);
  };
  const root = await read(rootFile);
  if (!startsWithFdtMagic(root)) {
    throw new MemoryError(
      'file',
      0,
      `debugfs ${rootFile.path}`,
      `does not start with the FDT magic 0x${FDT_MAGIC.toString(16)}`,
    );
  }
  const children = new Map<string, Uint8Array>();
  for (const file of files) if (file.role === 'child') children.set(file.name, await read(file));

  const naming = scratchNaming(files, warnings);
  const names = naming && SCRATCH_FILE_NAMES[naming];
  const phys = names ? files.find((f) => f.path === names.phys) : undefined;
  const lens = names ? files.find((f) => f.path === names.len) : undefined;
  let scratch: ScratchArea[] = [];
  if (phys && lens) {
    const starts = parseHexLines(await read(phys), phys.path);
    const sizes = parseHexLines(await read(lens), lens.path);
    if (starts.length !== sizes.length) {
      throw new MemoryError(
        'file',
        0,
        'debugfs scratch lists',
        `${phys.path} has ${starts.length} entries but ${lens.path} has ${sizes.length}`,
      );
    }
    scratch = starts.map((start, i) => ({ start, size: sizes[i] }));
  } else if (phys || lens) {
    warnings.push(`only ${(phys ?? lens)?.path} is present; scratch areas need both ${names?.phys} and ${names?.len}`);
  }
  const cmdlineFile = files.find((f) => f.role === 'cmdline');
  const cmdline = cmdlineFile ? await readCmdline(cmdlineFile, warnings) : null;
  return { kind: 'debugfs', root, children, scratch, scratchNaming: naming, cmdline, files, warnings };
}

/** The command line in a `cmdline` file: its first line, up to a NUL; null (with a warning) when too long. */
async function readCmdline(file: DebugfsFile, warnings: string[]): Promise<string | null> {
  if (file.source.size > MAX_CMDLINE_BYTES) {
    warnings.push(
      `${file.path} is ${file.source.size} bytes, more than a kernel command line can be (${MAX_CMDLINE_BYTES}); ignored`,
    );
    return null;
  }
  const bytes = await readFully(file.source, 0, file.source.size, `debugfs ${file.path}`);
  const text = new TextDecoder('latin1').decode(bytes);
  return text.split(/[\n\0]/)[0].trim();
}

/**
 * The scratch file names the set uses (null without any). A set with both
 * is not one kernel's: the 7.4 `bootmem_*` names are read and that is said.
 */
function scratchNaming(files: readonly DebugfsFile[], warnings: string[]): ScratchNaming | null {
  const has = (naming: ScratchNaming) =>
    files.some((f) => f.path === SCRATCH_FILE_NAMES[naming].phys || f.path === SCRATCH_FILE_NAMES[naming].len);
  if (has('bootmem') && has('scratch')) {
    warnings.push(
      'both scratch_* and bootmem_* files are present (no kernel writes both: 7.4-rc1 renamed scratch to bootmem); read bootmem_*',
    );
  }
  if (has('bootmem')) return 'bootmem';
  return has('scratch') ? 'scratch' : null;
}

/** Parses `0x%llx` lines (the kernel's format) into safe numbers. */
function parseHexLines(bytes: Uint8Array, path: string): number[] {
  const values: number[] = [];
  let offset = 0;
  for (const line of new TextDecoder().decode(bytes).split('\n')) {
    const text = line.trim();
    if (text !== '') {
      if (!/^0x[0-9a-fA-F]{1,16}$/.test(text))
        throw new MemoryError(
          'file',
          offset,
          `debugfs ${path}`,
          `line '${text.slice(0, 40)}' is not a 0x-prefixed hex number`,
        );
      const value = BigInt(text);
      if (value >= ADDRESS_LIMIT)
        throw new MemoryError('file', offset, `debugfs ${path}`, `${text} does not fit below 2^53`);
      values.push(Number(value));
    }
    offset += new TextEncoder().encode(line).length + 1;
  }
  return values;
}
