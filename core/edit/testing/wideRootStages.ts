import { writeFdt } from '../../fdt';
import { u64le } from '../../kho/discover/testing/khoTestImage';
import { decodeKhoGraph } from '../../kho/decode/decodeKhoGraph';
import type { KhoGraph } from '../../kho/model/KhoGraph';
import { graphToJson } from '../../kho/render/graphToJson';
import { renderGraphDts } from '../../kho/render/renderGraphDts';
import { renderGraphText } from '../../kho/render/renderGraphText';
import { wideRootDocument, wideRootElf } from '../../kho/testing/wideRootImage';
import type { MemoryImage } from '../../mem/OpenedImage';
import { openImage } from '../../mem/openImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import { editStateFromGraph } from '../editStateFromGraph';
import { planEdit } from '../reencode/planEdit';
import { applyValueChanges, patchBlob } from '../reencode/valueChanges';

/** One stage of work on issue 14's wide root, run again from the same inputs each time it is called. */
export interface WideRootStage {
  name: string;
  run(): unknown;
}

/** The inputs the stages work on, made once, for callers that check what the stages produce. */
export interface WideRootInputs {
  children: number;
  /** The root blob, and one change per child setting its `fdt` pointer to 0x9000. */
  blob: Uint8Array;
  changes: { node: string; property: string; value: Uint8Array }[];
  image: MemoryImage;
  graph: KhoGraph;
}

/**
 * Issue 14's giant, a kho-v1 root with `children` children all pointing at
 * one sub-FDT (`wideRootElf`), and every stage that once was quadratic in
 * the width: patching and re-applying one value per child, decoding, the
 * three renderers, the edit state and a no-op edit plan. The hostile test
 * compares their growth, the `wide-root` bench times them.
 */
export async function wideRootStages(children: number): Promise<{ inputs: WideRootInputs; stages: WideRootStage[] }> {
  const doc = wideRootDocument(children);
  const blob = writeFdt(doc);
  const changes = doc.root.children.map((child) => ({ node: `/${child.name}`, property: 'fdt', value: u64le(0x9000) }));
  const image = await openImage(new BytesSource(wideRootElf(children), 'wide.elf'));
  if (image.kind !== 'memory') throw new Error('an ELF core opens as memory');
  const graph = await decodeKhoGraph(image);
  const state = editStateFromGraph(graph);
  const stages: WideRootStage[] = [
    { name: 'patch', run: () => patchBlob('wide', blob, changes) },
    { name: 'apply', run: () => applyValueChanges(doc, changes) },
    { name: 'decode', run: () => decodeKhoGraph(image) },
    { name: 'text', run: () => renderGraphText(graph) },
    { name: 'json', run: () => graphToJson(graph) },
    { name: 'dts', run: () => renderGraphDts(graph) },
    { name: 'editState', run: () => editStateFromGraph(graph) },
    { name: 'plan', run: () => planEdit(image.memory, graph, state) },
  ];
  return { inputs: { children, blob, changes, image, graph }, stages };
}

/**
 * Milliseconds one run of a stage takes: the stage is run (and awaited)
 * again and again until `minMs` have passed, and the time is divided by the
 * runs, so a stage of well under a millisecond is still timed above the
 * timer's resolution and one collector pause weighs little.
 */
export async function timeStage(stage: WideRootStage, minMs = 0): Promise<number> {
  const started = performance.now();
  let runs = 0;
  let elapsed = 0;
  do {
    await stage.run();
    runs++;
    elapsed = performance.now() - started;
  } while (elapsed < minMs);
  return elapsed / runs;
}
