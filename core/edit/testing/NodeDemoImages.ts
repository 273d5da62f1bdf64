import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeKhoGraph } from '../../kho/decode/decodeKhoGraph';
import type { KhoGraph } from '../../kho/model/KhoGraph';
import { openImage } from '../../mem/openImage';
import type { MemoryImage } from '../../mem/OpenedImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import { buildSpecImage, type SpecImage } from '../../spec/buildSpecImage';
import { buildSpecFile } from '../../spec/NodeSpecFiles';
import { editStateFromGraph } from '../editStateFromGraph';
import type { EditState } from '../EditState';

const DEMOS = join(import.meta.dirname, '../../../demos');

const CATALOG = JSON.parse(readFileSync(join(DEMOS, 'demos.json'), 'utf8')) as { id: string; spec: string }[];

/** The ids of the demos demos/demos.json lists (tests build them fresh rather than reading public/demos). */
export const DEMO_IDS: readonly string[] = CATALOG.map((demo) => demo.id);

/** A demo opened for editing: the image as a file would give it, its graph, and the edit state. */
export interface OpenDemo {
  file: Uint8Array;
  /** Pages the image file stores (the rest of its RAM reads as zero). */
  storedPages: number[];
  image: MemoryImage;
  graph: KhoGraph;
  state: EditState;
}

/** Builds demo `id` from its spec, opens it like a file and decodes it with root discovery (Node only). */
export async function openDemo(id: string): Promise<OpenDemo> {
  const entry = CATALOG.find((demo) => demo.id === id);
  if (!entry) throw new Error(`demos/demos.json lists no demo ${id}`);
  return openSpecImage(buildSpecFile(join(DEMOS, entry.spec)), `${id}.elf`);
}

/** Builds a spec whose trees are all inline (it names no files), and opens it like `openDemo`. */
export function openInlineSpec(spec: object, name: string): Promise<OpenDemo> {
  return openSpecImage(
    buildSpecImage(JSON.stringify(spec), (path) => {
      throw new Error(`an inline test spec names no files (${path})`);
    }),
    name,
  );
}

async function openSpecImage({ file, built }: SpecImage, name: string): Promise<OpenDemo> {
  const image = await openImage(new BytesSource(file, name));
  if (image.kind !== 'memory') throw new Error(`${name} did not open as a memory image`);
  const graph = await decodeKhoGraph(image);
  return { file, storedPages: built.memory.writtenPages(), image, graph, state: editStateFromGraph(graph) };
}
