import type { InputFile } from '../worker/protocol';

/** The parts of the browser's FileSystemEntry API a folder walk needs (so tests can hand in fakes). */
export interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  /** Path from the root of the drop, starting with `/` (`/out/sub_fdts/LUO`). */
  fullPath: string;
}

/** A file entry: `file()` hands over the `File`. */
export interface FileEntryLike extends EntryLike {
  file(success: (file: File) => void, failure?: (error: DOMException) => void): void;
}

/** A folder entry: its reader returns the children in batches until an empty one. */
export interface DirectoryEntryLike extends EntryLike {
  createReader(): {
    readEntries(success: (entries: EntryLike[]) => void, failure?: (error: DOMException) => void): void;
  };
}

/** Most files taken from one drop (a debugfs set has a handful; a mistaken drop of a home folder must not hang). */
export const MAX_DROPPED_FILES = 4096;

/** Why a folder walk stopped early. */
export class FolderWalkError extends Error {}

/**
 * Every file below the dropped entries, each with its path relative to the
 * drop (`out/fdt`, `out/sub_fdts/LUO`: a dropped folder keeps its own name,
 * which the debugfs reader accepts as a common prefix). Folders are read
 * batch by batch, as the API requires; sorted by path.
 */
export async function walkEntries(entries: readonly EntryLike[]): Promise<InputFile[]> {
  const found: InputFile[] = [];
  const pending: EntryLike[] = [...entries];
  while (pending.length > 0) {
    const entry = pending.pop()!;
    if (entry.isFile) {
      if (found.length >= MAX_DROPPED_FILES)
        throw new FolderWalkError(
          `the drop holds more than ${MAX_DROPPED_FILES} files: not an image or a KHO debugfs folder`,
        );
      found.push({
        file: await fileOf(entry as FileEntryLike),
        path: entry.fullPath.replace(/^\/+/, '') || entry.name,
      });
    } else if (entry.isDirectory) {
      pending.push(...(await childrenOf(entry as DirectoryEntryLike)));
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function fileOf(entry: FileEntryLike): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function childrenOf(entry: DirectoryEntryLike): Promise<EntryLike[]> {
  const reader = entry.createReader();
  const children: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return children;
    children.push(...batch);
    if (children.length > MAX_DROPPED_FILES)
      throw new FolderWalkError(
        `a dropped folder holds more than ${MAX_DROPPED_FILES} entries: not an image or a KHO debugfs folder`,
      );
  }
}
