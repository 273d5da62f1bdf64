import type { InputFile, OpenInput } from '../worker/protocol';

/** What to open from the files a user brought, and anything they should be told about it. */
export interface OpenChoice {
  input: Extract<OpenInput, { kind: 'files' }>;
  notice: string | null;
}

const TOP_LEVEL = new Set(['fdt', 'scratch_phys', 'scratch_len', 'bootmem_phys', 'bootmem_len']);

/**
 * Decides what a drop or a pick means. One file is an image. Several files
 * with one named `fdt` are a KHO debugfs set: files from a folder keep their
 * paths (`out/sub_fdts/LUO`), and loose files other than `fdt`,
 * the scratch lists (`scratch_*`, or `bootmem_*` from 7.4) are taken as `sub_fdts/<name>` (picking
 * the files of kho/out and kho/out/sub_fdts in one picker flattens them).
 * Several files without an `fdt` are not a set: the first is opened, and a
 * notice says so. Returns null for no files.
 */
export function chooseOpenInput(files: readonly InputFile[]): OpenChoice | null {
  if (files.length === 0) return null;
  if (files.length === 1)
    return { input: { kind: 'files', label: files[0].file.name, files: [...files] }, notice: null };
  const root = files.find((entry) => baseName(entry.path) === 'fdt');
  if (!root) {
    const first = files[0];
    const notice = `${files.length} files were given and they are not a KHO debugfs set (none is named fdt); opened the first one, ${first.file.name}.`;
    return { input: { kind: 'files', label: first.file.name, files: [first] }, notice };
  }
  const folder = folderOf(root.path);
  const named = files.map((entry) => ({ file: entry.file, path: debugfsPath(entry.path) }));
  return {
    input: { kind: 'files', label: folder === '' ? 'debugfs blob set' : `${folder}/`, files: named },
    notice: null,
  };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

function debugfsPath(path: string): string {
  if (path.includes('/') || TOP_LEVEL.has(path)) return path;
  return `sub_fdts/${path}`;
}
