import { hex } from '../../../bytes/readers';
import { toAddress } from '../../../bytes/address';
import type { DecodeContext } from '../../decode/DecodeContext';
import type { Fragment } from '../../model/Fragment';
import type { LuoFile, LuoSession } from '../../model/UserContent';
import { readEntryArray, readKhoBlockSet } from '../../raw/readBlockSet';
import { FILE_ENTRY, parseFileEntry, parseSessionEntry } from './luoEntries';
import { followHandlerData } from './followHandlerData';

/**
 * Turns `luo_session_ser` entries into sessions with their files. Each
 * session's files live in a block set (`luo-v5` and later) or a plain array
 * (`luo-v1`) at `files`; each file's handler data is followed (followHandlerData).
 * `node` is where the sessions hang in the LUO fragment ('' for raw `luo_ser`).
 */
export async function readLuoSessions(
  ctx: DecodeContext,
  fragment: Fragment,
  node: string,
  entries: Uint8Array[],
  storage: 'kho-block' | 'array',
): Promise<LuoSession[]> {
  const sessions: LuoSession[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = parseSessionEntry(entries[i]);
    const filesAddress = toAddress(entry.files);
    const session: LuoSession = { name: entry.name, filesAddress, fileCount: entry.count, files: [] };
    sessions.push(session);
    const where = `sessions[${i}]`;
    const location = { fragment: fragment.id, node, property: `${where}.files` };
    if (filesAddress === null) {
      ctx.diagnostics.error(
        'address-too-large',
        `session "${entry.name}" files pointer ${hex(entry.files)} is not a usable physical address`,
        location,
      );
      continue;
    }
    if (filesAddress === 0) {
      if (entry.count !== 0n)
        ctx.diagnostics.error(
          'count-mismatch',
          `session "${entry.name}" says it has ${entry.count} files but its files pointer is 0`,
          location,
        );
      continue;
    }
    const ref = { fragment: fragment.id, node, property: `${where}.files` };
    const fileEntries =
      storage === 'kho-block'
        ? await readKhoBlockSet(ctx, ref, fragment.root, filesAddress, FILE_ENTRY)
        : await readEntryArray(ctx, ref, fragment.root, filesAddress, 0, entry.count, FILE_ENTRY);
    if (!fileEntries) continue;
    if (BigInt(fileEntries.length) !== entry.count) {
      ctx.diagnostics.warning(
        'count-mismatch',
        `session "${entry.name}" says it has ${entry.count} files; its store holds ${fileEntries.length}`,
        location,
      );
    }
    session.files = fileEntries.map((bytes, j): LuoFile => {
      const file = parseFileEntry(bytes);
      const from = { fragment: fragment.id, node, property: `${where}.files[${j}].data` };
      return { ...file, dataLink: followHandlerData(ctx, fragment, from, 'file', file.compatible, file.data) };
    });
  }
  return sessions;
}
