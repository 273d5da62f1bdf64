import { DtsError } from '../core/fdt/dts/DtsError';
import { parseDts } from '../core/fdt/dts/parseDts';
import { printDts } from '../core/fdt/dts/printDts';
import { FdtError } from '../core/fdt/FdtError';
import { FDT_LATEST_VERSION, FDT_WRITABLE_VERSIONS } from '../core/fdt/FdtVersionFormat';
import type { FdtDocument, FdtNode } from '../core/fdt/FdtDocument';
import { FdtWriteError } from '../core/fdt/FdtWriteError';
import { readFdt } from '../core/fdt/readFdt';
import { writeFdt } from '../core/fdt/writeFdt';
import { EditError } from '../core/edit/EditError';
import { editStateFromGraph } from '../core/edit/editStateFromGraph';
import { planEdit } from '../core/edit/reencode/planEdit';
import { sameDocument } from '../core/edit/sameTree';
import { CarveError } from '../core/kho/carve/CarveError';
import { carveImage } from '../core/kho/carve/carveImage';
import { decodeKhoGraph } from '../core/kho/decode/decodeKhoGraph';
import { MapError } from '../core/kho/maps/MapError';
import { graphToJson } from '../core/kho/render/graphToJson';
import { renderGraphDts } from '../core/kho/render/renderGraphDts';
import { renderGraphText } from '../core/kho/render/renderGraphText';
import { NodeZlibInflater } from '../core/mem/compression/NodeZlibInflater';
import { MemoryError } from '../core/mem/MemoryError';
import { openImage } from '../core/mem/openImage';
import { RootScanError } from '../core/kho/discover/RootScanError';
import { BytesSource } from '../core/mem/sources/BytesSource';
import { CountingSource } from '../core/mem/sources/CountingSource';
import type { ByteSource } from '../core/mem/ByteSource';
import { checkExtractRoundTrip } from './extractRoundTrip';
import { unpackFiles } from './fileSet';
import type { FuzzInput } from './FuzzInput';

/**
 * How one input went:
 * - `ok`: every stage ran; `refused`: a project error named the problem;
 * - `crash`: any other exception (a JavaScript error escaped);
 * - `invariant`: a promise broken (round trip, a no-op edit that changes pages);
 * - `slow`: more than 1 s per MiB the input really touched;
 * - `hang`, `out-of-memory`: decided by the parent (watchdog, the child died).
 */
export type OutcomeKind = 'ok' | 'refused' | 'crash' | 'invariant' | 'slow' | 'hang' | 'out-of-memory';

/** The result of running one input. */
export interface Outcome {
  kind: OutcomeKind;
  message: string;
  ms: number;
  /** Bytes the input really made us touch: file bytes read for images, the input itself for codecs. */
  bytesTouched: number;
}

/** Error types the project throws on bad input, each naming where and what. */
const PROJECT_ERRORS = [
  FdtError,
  FdtWriteError,
  DtsError,
  MemoryError,
  MapError,
  RootScanError,
  CarveError,
  EditError,
] as const;

/** FDT limits of the codec targets: tight, so the limit checks run too. */
const FDT_LIMITS = { maxNodes: 100_000, maxProperties: 400_000, maxDepth: 256 };

/** Thrown inside a target when a promise of the project does not hold. */
class BrokenInvariant extends Error {}

function isProjectError(error: unknown): error is Error {
  return PROJECT_ERRORS.some((type) => error instanceof type);
}

/** Runs `input` through its target and classifies what happened. Never throws. */
export async function runTarget(input: FuzzInput): Promise<Outcome> {
  const started = performance.now();
  let bytesTouched = input.bytes.length;
  const outcome = (kind: OutcomeKind, message: string): Outcome => {
    const ms = performance.now() - started;
    const budget = 1000 * Math.max(1, bytesTouched / 2 ** 20);
    if (kind !== 'crash' && kind !== 'invariant' && ms > budget)
      return {
        kind: 'slow',
        message: `${Math.round(ms)} ms for ${bytesTouched} bytes touched (${kind}: ${message})`,
        ms,
        bytesTouched,
      };
    return { kind, message, ms, bytesTouched };
  };
  try {
    if (input.target === 'image') {
      const sources = input.files
        ? unpackFiles(input.bytes, input.files).map(
            (file) => new CountingSource(new BytesSource(file.bytes, file.name)),
          )
        : [new CountingSource(new BytesSource(input.bytes, 'fuzz-input'))];
      try {
        await runImage(input.files ? sources : sources[0], input.base);
      } finally {
        bytesTouched = sources.reduce((sum, source) => sum + source.bytesRead, 0);
      }
    } else if (input.target === 'fdt') runFdt(input.bytes);
    else runDts(new TextDecoder().decode(input.bytes));
    return outcome('ok', '');
  } catch (error) {
    if (error instanceof BrokenInvariant) return outcome('invariant', error.message);
    if (isProjectError(error)) return outcome('refused', error.message);
    const message = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
    return outcome('crash', message);
  }
}

/**
 * Open, discover, decode, render in every format; then a memory image plans
 * a no-op edit and is carved, a debugfs set is extracted and opened again.
 */
async function runImage(source: ByteSource | ByteSource[], base: number | undefined): Promise<void> {
  const image = await openImage(source, { base, inflater: new NodeZlibInflater() });
  const graph = await decodeKhoGraph(image);
  renderGraphText(graph);
  graphToJson(graph);
  renderGraphDts(graph);
  if (image.kind === 'debugfs') {
    const verdict = await checkExtractRoundTrip(graph);
    if (verdict.claimed && verdict.broken !== null) throw new BrokenInvariant(verdict.broken);
  }
  if (image.kind !== 'memory' || !graph.roots.some((root) => root.fragment !== null)) return;
  const plan = await planEdit(image.memory, graph, editStateFromGraph(graph));
  if (plan.pages.size > 0)
    throw new BrokenInvariant(
      `a plan with no edit changes ${plan.pages.size} page(s): ${[...plan.pages.keys()].map((p) => `0x${p.toString(16)}`).join(', ')}`,
    );
  await carveImage(image, { graph });
}

/** Read, write and read again; print DTS and parse it back: the tree must not change. */
function runFdt(bytes: Uint8Array): void {
  const doc = readFdt(bytes, FDT_LIMITS).toDocument();
  checkRoundTrips(doc, 'the FDT');
}

/** Parse, then the same round trips as an FDT. */
function runDts(text: string): void {
  checkRoundTrips(parseDts(text), 'the parsed DTS');
}

/**
 * Edit-as-text must give back every tree the reader accepts: written with
 * `force` (dtc -f) and parsed with `force`, the tree and its reservations
 * may not change (and the header fields too, through a blob of a version
 * dtc writes; DTS text holds no header). Names DTS has no way to spell
 * (characters its lexer does not take) are the one exception, not checked.
 */
function checkRoundTrips(doc: FdtDocument, what: string): void {
  const writable = (FDT_WRITABLE_VERSIONS as readonly number[]).includes(doc.version);
  let written: Uint8Array;
  try {
    written = writeFdt(doc, { force: true, version: writable ? undefined : FDT_LATEST_VERSION });
  } catch (error) {
    if (error instanceof FdtWriteError) throw new BrokenInvariant(`writeFdt refuses ${what}: ${error.message}`);
    throw error;
  }
  const reread = readFdt(written, FDT_LIMITS).toDocument();
  if (writable ? !sameDocument(doc, reread) : !sameTree(doc, reread))
    throw new BrokenInvariant(`writing and reading ${what} again changes it`);
  if (!spellableInDts(doc.root)) return;
  const text = printDts(doc);
  let parsed: FdtDocument;
  try {
    parsed = parseDts(text, { force: true });
  } catch (error) {
    if (error instanceof DtsError) throw new BrokenInvariant(`parseDts refuses printDts of ${what}: ${error.message}`);
    throw error;
  }
  if (!sameTree(doc, parsed)) throw new BrokenInvariant(`printDts then parseDts changes ${what}`);
}

/** Same reservations and the same tree (header fields aside). */
function sameTree(a: FdtDocument, b: FdtDocument): boolean {
  return sameDocument(a, {
    ...b,
    version: a.version,
    lastCompVersion: a.lastCompVersion,
    bootCpuidPhys: a.bootCpuidPhys,
  });
}

/** Characters dtc's lexer takes in node and property names. */
const DTS_NAME = /^[A-Za-z0-9,._+*#?@-]+$/;

/** Whether every name below the root can be written in DTS at all. */
function spellableInDts(root: FdtNode): boolean {
  const stack = [...root.children];
  if (!root.properties.every((p) => DTS_NAME.test(p.name))) return false;
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!DTS_NAME.test(node.name) || !node.properties.every((p) => DTS_NAME.test(p.name))) return false;
    stack.push(...node.children);
  }
  return true;
}
