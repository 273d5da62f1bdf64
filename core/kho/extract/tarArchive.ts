/** One file to put in a tar archive: its path (`/`-separated, relative) and bytes. */
export interface TarFile {
  path: string;
  bytes: Uint8Array;
}

const BLOCK = 512;
/** Longest path a ustar header holds: 155 bytes of prefix, a slash, 100 bytes of name. */
const MAX_PATH = 256;

/**
 * A POSIX ustar archive of `files`, with an entry for each folder before the
 * files in it (so `tar -t` lists the layout as `khoscope extract` writes it).
 * Every entry has mode 0644 (folders 0755), owner 0 and time 0, so the same
 * files always make the same archive. Paths must be relative, without `.` or
 * `..` parts, ASCII, and at most 256 bytes; a RangeError says which is not.
 * Made in memory: the files of a KHO tree are small (16 MiB per fragment at most).
 */
export function tarArchive(files: readonly TarFile[]): Uint8Array<ArrayBuffer> {
  const entries: { path: string; bytes: Uint8Array | null }[] = [];
  const folders = new Set<string>();
  for (const file of files) {
    checkPath(file.path);
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = `${parts.slice(0, i).join('/')}/`;
      if (folders.has(folder)) continue;
      folders.add(folder);
      entries.push({ path: folder, bytes: null });
    }
    entries.push({ path: file.path, bytes: file.bytes });
  }
  const size = entries.reduce((sum, entry) => sum + BLOCK + padded(entry.bytes?.length ?? 0), 2 * BLOCK);
  const archive = new Uint8Array(size);
  let at = 0;
  for (const entry of entries) {
    archive.set(header(entry.path, entry.bytes), at);
    at += BLOCK;
    if (entry.bytes) {
      archive.set(entry.bytes, at);
      at += padded(entry.bytes.length);
    }
  }
  // Two zero blocks end the archive; the array is zero-filled already.
  return archive;
}

function padded(length: number): number {
  return Math.ceil(length / BLOCK) * BLOCK;
}

function checkPath(path: string): void {
  const parts = path.split('/');
  if (path === '' || path.startsWith('/') || parts.some((part) => part === '' || part === '.' || part === '..'))
    throw new RangeError(`tar path '${path}' must be relative, with no empty, '.' or '..' parts`);
  if (!/^[\x20-\x7e]+$/.test(path)) throw new RangeError(`tar path '${path}' must be printable ASCII`);
  if (path.length + 1 > MAX_PATH) throw new RangeError(`tar path '${path}' is longer than ustar allows`);
}

function header(path: string, bytes: Uint8Array | null): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const [prefix, name] = splitPath(path);
  text(block, 0, 100, name);
  octal(block, 100, 8, bytes ? 0o644 : 0o755);
  octal(block, 108, 8, 0);
  octal(block, 116, 8, 0);
  octal(block, 124, 12, bytes?.length ?? 0);
  octal(block, 136, 12, 0);
  block[156] = (bytes ? '0' : '5').charCodeAt(0);
  text(block, 257, 6, 'ustar');
  text(block, 263, 2, '00');
  text(block, 345, 155, prefix);
  // The checksum is summed with its own field read as eight spaces.
  block.fill(0x20, 148, 156);
  const sum = block.reduce((total, byte) => total + byte, 0);
  octal(block, 148, 7, sum);
  return block;
}

/** ustar keeps a long path as prefix + '/' + name: the name at most 100 bytes, the prefix 155. */
function splitPath(path: string): [prefix: string, name: string] {
  if (path.length <= 100) return ['', path];
  // A folder path ends with '/': split before that last slash, so the name keeps it.
  for (let cut = path.lastIndexOf('/', path.length - 2); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
    if (cut <= 155 && path.length - cut - 1 <= 100) return [path.slice(0, cut), path.slice(cut + 1)];
  }
  throw new RangeError(`tar path '${path}' cannot be split into a ustar prefix and name`);
}

function text(block: Uint8Array, offset: number, size: number, value: string): void {
  for (let i = 0; i < value.length && i < size; i++) block[offset + i] = value.charCodeAt(i);
}

/** A zero-padded octal number ending in NUL, filling `size` bytes. */
function octal(block: Uint8Array, offset: number, size: number, value: number): void {
  text(block, offset, size - 1, value.toString(8).padStart(size - 1, '0'));
}
