import type { InputFile } from '../worker/protocol';
import { walkEntries, type EntryLike } from './walkEntries';

/**
 * The files of a drop, folders walked: entries are taken synchronously
 * (the browser empties the DataTransfer once the drop event returns), then
 * walked. Items without an entry (some synthetic drops) fall back to the
 * plain file list, named by file name.
 */
export function droppedFiles(transfer: DataTransfer): Promise<InputFile[]> {
  const files = Array.from(transfer.files);
  const entries: EntryLike[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry() as EntryLike | null;
    if (entry) entries.push(entry);
  }
  if (entries.length === 0 || entries.length < files.length)
    return Promise.resolve(files.map((file) => ({ file, path: file.name })));
  return walkEntries(entries);
}
