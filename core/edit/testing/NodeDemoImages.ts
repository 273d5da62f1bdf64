import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeKhoGraph } from '../../kho/decode/decodeKhoGraph';
import type { KhoGraph } from '../../kho/model/KhoGraph';
import { NodeZlibInflater } from '../../mem/compression/NodeZlibInflater';
import { openImage } from '../../mem/openImage';
import type { OpenImageOptions } from '../../mem/OpenImageOptions';
import { storedRunsOf, type PhysicalMemory } from '../../mem/PhysicalMemory';
import { containerFile, type ContainerKind } from '../../mem/testing/NodeContainerImages';
import type { MemoryImage } from '../../mem/OpenedImage';
import { BytesSource } from '../../mem/sources/BytesSource';
import { buildSpecImage, type SpecImage } from '../../spec/buildSpecImage';
import { buildSpecFile } from '../../spec/NodeSpecFiles';
import { editStateFromGraph } from '../editStateFromGraph';
import type { EditState } from '../EditState';

const DEMOS = join(import.meta.dirname, '../../../demos');

/** A demo is built from a spec, or is a fixture file (a real kernel's image). */
const CATALOG = JSON.parse(readFileSync(join(DEMOS, 'demos.json'), 'utf8')) as {
  id: string;
  spec?: string;
  fixture?: string;
}[];

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
  /** How to open this image's exports again (a raw image's base and container). */
  openOptions?: OpenImageOptions;
}

/**
 * Builds demo `id` from its spec (or reads its fixture file), opens it like
 * a file and decodes it with root discovery (Node only).
 */
export async function openDemo(id: string): Promise<OpenDemo> {
  const entry = catalogEntry(id);
  if (entry.spec) return openSpecImage(buildSpecFile(join(DEMOS, entry.spec)), `${id}.elf`);
  const file = new Uint8Array(readFileSync(join(DEMOS, '..', entry.fixture!)));
  const image = await openMemoryImage(file, `${id}.elf`);
  return openedDemo(file, await storedPagesOf(image.memory), image);
}

/** Spec demo `id` written in `container` instead of its spec's ELF, opened and decoded like `openDemo`. */
export async function openDemoAs(id: string, container: ContainerKind): Promise<OpenDemo> {
  const entry = catalogEntry(id);
  if (!entry.spec) throw new Error(`demo ${id} is a fixture file, not built from a spec`);
  const { memory } = buildSpecFile(join(DEMOS, entry.spec)).built;
  const pages = new Map(memory.writtenPages().map((page) => [page, memory.readSync(page, memory.pageSize)]));
  const { bytes, base } = containerFile({ pageSize: memory.pageSize, ranges: memory.ranges, pages }, container);
  // A raw image may start with an FDT: say it is raw rather than let detection take it for a lone DTB.
  const openOptions: OpenImageOptions | undefined = base === undefined ? undefined : { base, container: 'raw' };
  const image = await openMemoryImage(bytes, `${id}.${container}`, openOptions);
  return { ...(await openedDemo(bytes, [...pages.keys()], image)), openOptions };
}

function catalogEntry(id: string): (typeof CATALOG)[number] {
  const entry = CATALOG.find((demo) => demo.id === id);
  if (!entry) throw new Error(`demos/demos.json lists no demo ${id}`);
  return entry;
}

async function openMemoryImage(file: Uint8Array, name: string, options: OpenImageOptions = {}): Promise<MemoryImage> {
  const image = await openImage(new BytesSource(file, name), { ...options, inflater: new NodeZlibInflater() });
  if (image.kind !== 'memory') throw new Error(`${name} did not open as a memory image`);
  return image;
}

async function openedDemo(file: Uint8Array, storedPages: number[], image: MemoryImage): Promise<OpenDemo> {
  const graph = await decodeKhoGraph(image);
  return { file, storedPages, image, graph, state: editStateFromGraph(graph) };
}

/** Pages of `memory` that hold stored bytes (not zero-fill, not excluded). */
async function storedPagesOf(memory: PhysicalMemory): Promise<number[]> {
  const pages = new Set<number>();
  for (const range of memory.ranges)
    for await (const run of storedRunsOf(memory, range))
      for (let page = run.start - (run.start % memory.pageSize); page < run.end; page += memory.pageSize)
        pages.add(page);
  return [...pages];
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
  return openedDemo(file, built.memory.writtenPages(), await openMemoryImage(file, name));
}
