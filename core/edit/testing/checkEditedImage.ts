import { readFdt } from '../../fdt/readFdt';
import { hex } from '../../bytes/readers';
import { decodeKhoGraph } from '../../kho/decode/decodeKhoGraph';
import type { KhoGraph } from '../../kho/model/KhoGraph';
import { exportChunks } from '../../mem/export/exportChunks';
import { openImage } from '../../mem/openImage';
import type { OpenImageOptions } from '../../mem/OpenImageOptions';
import type { ExportFile } from '../../mem/export/ExportPlan';
import type { MemoryImage, OpenedImage } from '../../mem/OpenedImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import type { EditState } from '../EditState';
import { exportEditedImage } from '../export/exportEdit';
import { sameBytes } from '../hexBytes';
import { pointerSlots, slotTarget } from '../pointerSlots';
import type { EditPlan } from '../reencode/EditPlan';
import { maskedDocument } from './maskedDocument';
import { sameDocument } from '../sameTree';

/** The input of an edit, as the checks need it. */
export interface EditInput {
  image: MemoryImage;
  graph: KhoGraph;
  /** Pages the input image stores (the rest of its RAM reads as zero). */
  storedPages: readonly number[];
}

/**
 * Exports an edit in the input's container, opens the file again (in
 * memory, unless `reopen` says how: a large image goes through a file), and
 * lists every way it falls short of the editor's promises (empty when it
 * keeps them all): every page the plan did not change reads as before and
 * every changed page as planned; the image decodes (roots discovered) to
 * exactly the edited tree, fragment for fragment and link for link; and no
 * diagnostic code appears that the input did not have.
 */
export async function checkEditedImage(
  input: EditInput,
  state: EditState,
  plan: EditPlan,
  reopen: (file: ExportFile) => Promise<OpenedImage> = reopenInMemory,
): Promise<{ problems: string[]; graph: KhoGraph }> {
  const problems: string[] = [];
  const reopened = await reopen((await exportEditedImage(input.image, plan)).files[0]);
  if (reopened.kind !== 'memory')
    return { problems: ['the export does not open as a memory image'], graph: input.graph };
  const ps = plan.pageSize;
  if (JSON.stringify(reopened.memory.ranges) !== JSON.stringify(input.image.memory.ranges))
    problems.push('the RAM ranges changed');
  for (const page of new Set([...input.storedPages, ...plan.pages.keys()])) {
    const expected = plan.pages.get(page) ?? (await input.image.memory.read(page, ps));
    if (!sameBytes(await reopened.memory.read(page, ps), expected))
      problems.push(`page ${hex(page)} reads differently than planned`);
  }

  const graph = await decodeKhoGraph(reopened);
  const rootsBefore = input.graph.roots.map((r) => r.address).sort();
  const rootsAfter = graph.roots.map((r) => r.address).sort();
  if (rootsBefore.join() !== rootsAfter.join())
    problems.push(`roots ${rootsAfter.map((a) => hex(a ?? 0))} instead of ${rootsBefore.map((a) => hex(a ?? 0))}`);
  const decodedId = new Map(plan.fragments.map((f) => [f.id, f.decodedId]));
  // An anchored root keeps the id of its first anchor page.
  for (const root of state.roots) decodedId.set(root.fragment, hex(root.address));
  const wanted = [...decodedId.values()].sort();
  const found = graph.fragments.map((f) => f.id).sort();
  if (wanted.join() !== found.join()) problems.push(`fragments ${found.join(' ')} instead of ${wanted.join(' ')}`);
  for (const planned of plan.fragments) {
    const fragment = graph.fragments.find((f) => f.id === decodedId.get(planned.id));
    if (!fragment) continue;
    if (!sameBytes(fragment.bytes, planned.bytes))
      problems.push(`fragment ${planned.id} decodes to other bytes than written`);
    const document = state.fragments[planned.id].document;
    if (!document) continue;
    const written = readFdt(planned.bytes).toDocument();
    if (!sameDocument(maskedDocument(state, planned.id, written), maskedDocument(state, planned.id, document)))
      problems.push(`fragment ${planned.id} was written with another tree than the edit holds`);
    for (const slot of pointerSlots(state, planned.id, document)) {
      const target = slotTarget(state, slot);
      if (!target) continue;
      const link = graph.links.find(
        (l) => l.from.fragment === fragment.id && l.from.node === slot.node && l.from.property === slot.property,
      );
      if (link?.to !== decodedId.get(target.fragment))
        problems.push(
          `${planned.id} ${slot.node} leads to ${link?.to ?? 'nothing'}, not ${decodedId.get(target.fragment)}`,
        );
    }
  }
  const before = new Set(input.graph.diagnostics.map((d) => d.code));
  for (const diagnostic of graph.diagnostics)
    if (!before.has(diagnostic.code)) problems.push(`new diagnostic ${diagnostic.code}: ${diagnostic.message}`);
  return { problems, graph };
}

/** Opens an exported file from its bytes in memory (small images), with `options` (a raw image's base). */
export async function reopenInMemory(file: ExportFile, options: OpenImageOptions = {}): Promise<OpenedImage> {
  const bytes = new Uint8Array(file.size);
  let at = 0;
  for await (const chunk of exportChunks(file)) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return openImage(new BytesSource(bytes, file.path), options);
}
