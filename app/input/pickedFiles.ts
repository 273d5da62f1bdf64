import type { InputFile } from '../worker/protocol';

/** The files of a file input, with their path inside the picked folder for a folder picker (`webkitdirectory`). */
export function pickedFiles(list: FileList | null): InputFile[] {
  return Array.from(list ?? []).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}
