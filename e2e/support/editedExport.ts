import { EditLog } from '../../core/edit/EditLog';
import type { EditOperation } from '../../core/edit/EditOperation';
import { editStateFromGraph } from '../../core/edit/editStateFromGraph';
import { planEdit } from '../../core/edit/reencode/planEdit';
import { checkEditedImage } from '../../core/edit/testing/checkEditedImage';
import { decodeKhoGraph } from '../../core/kho/decode/decodeKhoGraph';
import type { KhoGraph } from '../../core/kho/model/KhoGraph';
import { PT_LOAD } from '../../core/mem/containers/ElfCoreHeader';
import { openImage } from '../../core/mem/openImage';
import { BytesSource } from '../../core/mem/sources/BytesSource';
import type { Page } from '@playwright/test';

/** What the Node side found in a downloaded export. */
export interface ExportCheck {
  /** Every way the download falls short (empty when it keeps every promise), from core/edit's export checks. */
  problems: string[];
  /** Pages of memory whose bytes differ between the original and the download. */
  pagesChanged: number;
  /** The download, decoded (roots discovered). */
  graph: KhoGraph;
}

/**
 * Checks a downloaded edited ELF image against its original and the edits
 * that made it: core/edit replays `ops` on the original, and the download
 * must read, page for page, as the plan says (every page the plan did not
 * change exactly as before) and decode to exactly the edited tree.
 */
export async function checkDownloadedExport(
  original: Uint8Array,
  downloaded: Uint8Array,
  ops: readonly EditOperation[],
): Promise<ExportCheck> {
  const image = await openImage(new BytesSource(original, 'original.elf'));
  if (image.kind !== 'memory' || image.container !== 'elf') throw new Error('the original is not an ELF core');
  const graph = await decodeKhoGraph(image);
  let log = new EditLog(editStateFromGraph(graph));
  for (const op of ops) log = log.apply(op);
  const plan = await planEdit(image.memory, graph, log.state);
  const ps = image.pageSize;
  const storedPages: number[] = [];
  for (const header of image.elf.programHeaders) {
    if (header.type !== PT_LOAD) continue;
    const start = Number(header.paddr);
    for (let page = start - (start % ps); page < start + header.filesz; page += ps) storedPages.push(page);
  }
  const reopened = await openImage(new BytesSource(downloaded, 'downloaded.elf'));
  const checked = await checkEditedImage({ image, graph, storedPages }, log.state, plan, async () => reopened);
  let pagesChanged = 0;
  if (reopened.kind === 'memory') {
    for (const page of storedPages) {
      const before = await image.memory.read(page, ps);
      const after = await reopened.memory.read(page, ps);
      if (before.some((byte, i) => byte !== after[i])) pagesChanged++;
    }
  }
  return { problems: checked.problems, pagesChanged, graph: checked.graph };
}

/** The edits the page saved in this browser (IndexedDB) for the image open now: what it applied, in order. */
export async function savedOperations(page: Page): Promise<EditOperation[]> {
  return page.evaluate(
    () =>
      new Promise<EditOperation[]>((resolve, reject) => {
        const opening = indexedDB.open('khoscope');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const all = opening.result.transaction('edit-logs').objectStore('edit-logs').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            const logs = all.result as { savedAt: number; done: EditOperation[] }[];
            logs.sort((a, b) => b.savedAt - a.savedAt);
            resolve(logs[0]?.done ?? []);
          };
        };
      }),
  );
}
