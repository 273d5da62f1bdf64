import { describe, expect, it } from 'vitest';
import {
  walkEntries,
  FolderWalkError,
  MAX_DROPPED_FILES,
  type DirectoryEntryLike,
  type EntryLike,
  type FileEntryLike,
} from './walkEntries';

function file(fullPath: string): FileEntryLike {
  const name = fullPath.slice(fullPath.lastIndexOf('/') + 1);
  return { isFile: true, isDirectory: false, name, fullPath, file: (success) => success(new File([name], name)) };
}

/** A folder whose reader hands out its children a few at a time, as browsers batch them. */
function folder(fullPath: string, children: EntryLike[], batchSize = 2): DirectoryEntryLike {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.slice(fullPath.lastIndexOf('/') + 1),
    fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (success) => {
          const batch = children.slice(at, at + batchSize);
          at += batch.length;
          setTimeout(() => success(batch), 0);
        },
      };
    },
  };
}

describe('walkEntries', () => {
  it('walks a dropped kho/out folder batch by batch, keeping paths relative to the drop', async () => {
    const out = folder('/out', [
      file('/out/fdt'),
      file('/out/scratch_len'),
      file('/out/scratch_phys'),
      folder('/out/sub_fdts', [
        file('/out/sub_fdts/memblock'),
        file('/out/sub_fdts/LUO'),
        file('/out/sub_fdts/kho_test'),
      ]),
    ]);
    const found = await walkEntries([out]);
    expect(found.map((entry) => entry.path)).toEqual([
      'out/fdt',
      'out/scratch_len',
      'out/scratch_phys',
      'out/sub_fdts/LUO',
      'out/sub_fdts/kho_test',
      'out/sub_fdts/memblock',
    ]);
    expect(found[0].file.name).toBe('fdt');
  });

  it('takes loose files and folders dropped together', async () => {
    const found = await walkEntries([
      file('/fdt'),
      folder('/sub_fdts', [file('/sub_fdts/memblock')]),
      folder('/empty', []),
    ]);
    expect(found.map((entry) => entry.path)).toEqual(['fdt', 'sub_fdts/memblock']);
  });

  it('refuses a drop with too many files instead of walking on', async () => {
    const many = Array.from({ length: MAX_DROPPED_FILES + 1 }, (_, i) => file(`/big/f${i}`));
    await expect(walkEntries([folder('/big', many, 500)])).rejects.toBeInstanceOf(FolderWalkError);
  });

  it('passes on a file the browser cannot read', async () => {
    const broken: FileEntryLike = {
      ...file('/fdt'),
      file: (_success, failure) => failure?.(new DOMException('gone', 'NotFoundError')),
    };
    await expect(walkEntries([broken])).rejects.toThrow('gone');
  });
});
