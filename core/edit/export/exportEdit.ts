import { printDts } from '../../fdt/dts/printDts';
import { readFdt } from '../../fdt/readFdt';
import { decodeKhoGraph } from '../../kho/decode/decodeKhoGraph';
import type { KhoDecodeOptions } from '../../kho/decode/KhoDecodeOptions';
import { extractionFiles, type ExtractedFile } from '../../kho/extract/extractionFiles';
import type { KhoGraph } from '../../kho/model/KhoGraph';
import { graphToJson } from '../../kho/render/graphToJson';
import { exportImage, type ExportOptions } from '../../mem/export/exportImage';
import type { ExportPlan } from '../../mem/export/ExportPlan';
import type { MemoryImage } from '../../mem/OpenedImage';
import { EditError } from '../EditError';
import type { EditPlan } from '../reencode/EditPlan';
import { OverlayMemory } from '../reencode/OverlayMemory';

/**
 * The edited image in its own container (core/mem's writers: ELF keeps its
 * segments and gains `PT_LOAD`s for pages outside them, raw keeps its size,
 * kdump becomes ELF), with only the changed pages new.
 */
export function exportEditedImage(
  image: MemoryImage,
  plan: EditPlan,
  options: ExportOptions = {},
): Promise<ExportPlan> {
  return exportImage(image, { pages: plan.pages }, options);
}

/** The edited image's memory, without writing a file. */
export function editedMemory(image: MemoryImage, plan: EditPlan): OverlayMemory {
  return new OverlayMemory(image.memory, plan.pages);
}

/**
 * The graph the edited image decodes to: the same roots as the input's
 * (unless `options.roots` says otherwise), judged against what the input
 * image said about its kernel.
 */
export function decodeEditedGraph(
  image: MemoryImage,
  plan: EditPlan,
  inputGraph: KhoGraph,
  options: KhoDecodeOptions = {},
): Promise<KhoGraph> {
  const roots = inputGraph.roots.flatMap((root) => (root.address === null ? [] : [root.address]));
  return decodeKhoGraph(editedMemory(image, plan), {
    roots,
    pageSize: plan.pageSize,
    kernel: inputGraph.kernel,
    ...options,
  });
}

/** The edited graph as JSON (core/kho/render). */
export async function editedGraphJson(image: MemoryImage, plan: EditPlan, inputGraph: KhoGraph): Promise<string> {
  return graphToJson(await decodeEditedGraph(image, plan, inputGraph));
}

/** The edited tree as debugfs would show it (core/kho/extract): `fdt`, `sub_fdts/<name>`, ... */
export async function editedDebugfsFiles(
  image: MemoryImage,
  plan: EditPlan,
  inputGraph: KhoGraph,
): Promise<ExtractedFile[]> {
  const graph = await decodeEditedGraph(image, plan, inputGraph);
  return extractionFiles(graph, graph.roots.filter((root) => root.fragment !== null).length > 1);
}

/** The DTS of one edited FDT fragment (its id in the edit state), as `dtc -I dtb -O dts` prints it. */
export function editedFragmentDts(plan: EditPlan, fragmentId: string): string {
  const fragment = plan.fragments.find((f) => f.id === fragmentId);
  if (!fragment) throw new EditError(`fragment ${fragmentId}`, 'the edited tree does not reach this fragment');
  try {
    return printDts(readFdt(fragment.bytes).toDocument());
  } catch {
    throw new EditError(`fragment ${fragmentId}`, 'it is not an FDT, so it has no DTS');
  }
}
