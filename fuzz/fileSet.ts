import type { FuzzFile } from './FuzzInput';

/** A named file of a multi-file input, with its contents. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** Packs `files` into one buffer and its directory (the `FuzzInput.files` encoding: contents back to back). */
export function packFiles(files: readonly NamedBytes[]): { bytes: Uint8Array; files: FuzzFile[] } {
  const bytes = new Uint8Array(files.reduce((sum, file) => sum + file.bytes.length, 0));
  let at = 0;
  for (const file of files) {
    bytes.set(file.bytes, at);
    at += file.bytes.length;
  }
  return { bytes, files: files.map((file) => ({ name: file.name, length: file.bytes.length })) };
}

/**
 * The files of a packed input, as views into `bytes`. Throws when the
 * directory does not add up (a corpus entry edited by hand), so a broken
 * reproducer is never run as a different input.
 */
export function unpackFiles(bytes: Uint8Array, files: readonly FuzzFile[]): NamedBytes[] {
  let at = 0;
  const named = files.map((file) => {
    if (!Number.isSafeInteger(file.length) || file.length < 0 || at + file.length > bytes.length)
      throw new Error(`fuzz input file ${file.name}: length ${file.length} at ${at} runs past ${bytes.length} bytes`);
    const view = bytes.subarray(at, at + file.length);
    at += file.length;
    return { name: file.name, bytes: view };
  });
  if (at !== bytes.length) throw new Error(`fuzz input files hold ${at} of ${bytes.length} bytes`);
  return named;
}
