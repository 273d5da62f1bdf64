import { sameBytes } from '../../fdt/sameBytes';
import type { Fragment } from '../model/Fragment';
import type { KhoGraph, KhoRoot } from '../model/KhoGraph';
import { ChangeSink, type PairPlace } from './ChangeSink';
import { compareFdtContent } from './compareFdtContent';
import type { IsPointer } from './compareValues';
import { compareLeaves } from './compareLeaves';
import { compareRawFields } from './compareRawFields';
import { plainValue } from './comparedValue';
import { fragmentTreePaths, ROOT_PATH } from './fragmentTreePaths';
import type { FragmentPair, GraphComparison } from './GraphComparison';
import { mapLeaves } from './mapLeaves';
import { userLeaves } from './userLeaves';

/** One side of a comparison: a decoded graph and which of its roots. */
export interface CompareInput {
  graph: KhoGraph;
  root: KhoRoot;
  /** How to name the side (defaults to the graph's source name). */
  label?: string;
}

/** Limits and choices for `compareRoots`. */
export interface CompareOptions {
  /** Changes kept at most (default 100,000); more are counted in `counts` only. */
  maxChanges?: number;
}

const DEFAULT_MAX_CHANGES = 100_000;

/**
 * Compares the tree below one KHO root with the tree below another: the
 * edited tree with the original, two roots of one image, or roots of two
 * images (the outgoing root of one kernel against the incoming root of the
 * next). Fragments are matched by their place in the tree
 * (`fragmentTreePaths`), never by physical address, since addresses move
 * across kexec. Within a matched pair: FDT header, nodes and properties, or
 * raw-struct fields, a known user's decoded data, and for the roots the
 * preserved-memory map. A pointer that differs while both sides follow it is
 * `moved`, which does not make the trees differ. Throws a RangeError when a
 * root was not decoded.
 */
export function compareRoots(a: CompareInput, b: CompareInput, options: CompareOptions = {}): GraphComparison {
  const rootA = rootFragment(a);
  const rootB = rootFragment(b);
  const pathsA = fragmentTreePaths(a.graph, rootA);
  const pathsB = fragmentTreePaths(b.graph, rootB);
  const sink = new ChangeSink(options.maxChanges ?? DEFAULT_MAX_CHANGES);
  const pointers = { a: pointerPlaces(a.graph), b: pointerPlaces(b.graph) };
  const fragments: FragmentPair[] = [];
  for (const [path, fragmentA] of pathsA) {
    const fragmentB = pathsB.get(path) ?? null;
    const place: PairPlace = { path, fragmentA: fragmentA.id, fragmentB: fragmentB?.id ?? null };
    if (!fragmentB) {
      sink.add(place, { kind: 'removed', level: 'fragment', summary: `fragment ${fragmentText(fragmentA)} removed` });
      fragments.push({ path, a: fragmentA.id, b: null, status: 'removed' });
      continue;
    }
    const before = sink.total - sink.counts.moved;
    // A followed link's origin holds a pointer; so does the root's map address (the map is compared by content).
    const isPointer: IsPointer = (which, node, property) =>
      pointers[which].has(placeKey(which === 'a' ? fragmentA.id : fragmentB.id, node, property)) ||
      (path === ROOT_PATH && node === '/' && property === 'preserved-memory-map');
    compareFragments(fragmentA, fragmentB, place, sink, isPointer);
    if (path === ROOT_PATH) compareLeaves(mapLeaves(a.root.map), mapLeaves(b.root.map), 'map', place, sink);
    const changed = sink.total - sink.counts.moved > before;
    fragments.push({ path, a: fragmentA.id, b: fragmentB.id, status: changed ? 'changed' : 'same' });
  }
  for (const [path, fragmentB] of pathsB) {
    if (pathsA.has(path)) continue;
    sink.add(
      { path, fragmentA: null, fragmentB: fragmentB.id },
      { kind: 'added', level: 'fragment', summary: `fragment ${fragmentText(fragmentB)} added` },
    );
    fragments.push({ path, a: null, b: fragmentB.id, status: 'added' });
  }
  const { counts } = sink;
  return {
    a: side(a, rootA),
    b: side(b, rootB),
    equal: counts.added + counts.removed + counts.changed === 0,
    changes: sink.changes,
    fragments,
    counts,
    droppedChanges: sink.dropped,
  };
}

function compareFragments(a: Fragment, b: Fragment, place: PairPlace, sink: ChangeSink, isPointer: IsPointer): void {
  const start = sink.total;
  // A compatible that differs within one format shows as the property or field that holds it.
  if (a.format !== b.format) {
    const before = formatText(a);
    const after = formatText(b);
    sink.add(place, {
      kind: 'changed',
      level: 'fragment',
      name: 'format',
      before: plainValue(before),
      after: plainValue(after),
      summary: `fragment format ${before} → ${after}`,
    });
    return;
  }
  const contentA = a.content;
  const contentB = b.content;
  if (contentA?.kind === 'fdt' && contentB?.kind === 'fdt')
    compareFdtContent(contentA, contentB, place, sink, isPointer);
  else if (contentA?.kind === 'raw' && contentB?.kind === 'raw')
    compareRawFields(contentA, contentB, a.bytes, b.bytes, place, sink, isPointer);
  compareLeaves(userLeaves(a.user), userLeaves(b.user), 'user', place, sink);
  // Nothing decoded differs, yet the bytes do: layout, padding, a string table, or undecoded bytes.
  if (sink.total === start && !sameBytes(a.bytes, b.bytes))
    sink.add(place, {
      kind: 'changed',
      level: 'fragment',
      name: 'bytes',
      before: plainValue(`${a.bytes.length} bytes`),
      after: plainValue(`${b.bytes.length} bytes`),
      summary:
        contentA && contentB
          ? 'the bytes differ though every decoded value reads the same (layout, padding or unused bytes)'
          : 'the bytes differ (the fragment could not be decoded, so only its bytes are compared)',
    });
}

/** The places of one graph that hold a followed pointer, as `fragment NUL node NUL property`. */
function pointerPlaces(graph: KhoGraph): Set<string> {
  return new Set(
    graph.links
      .filter((link) => link.to !== null)
      .map((link) => placeKey(link.from.fragment, link.from.node, link.from.property)),
  );
}

function placeKey(fragment: string, node: string, property: string): string {
  return `${fragment}\0${node}\0${property}`;
}

function rootFragment(input: CompareInput): Fragment {
  const id = input.root.fragment;
  const fragment = id === null ? undefined : input.graph.fragments.find((f) => f.id === id);
  if (!fragment)
    throw new RangeError(
      `the root ${input.root.address === null ? '' : `at 0x${input.root.address.toString(16)} `}of ${input.label ?? input.graph.source.name} could not be decoded, so there is no tree to compare`,
    );
  return fragment;
}

function side(input: CompareInput, root: Fragment) {
  return {
    label: input.label ?? input.graph.source.name,
    rootAddress: input.root.address,
    rootFragment: root.id,
    compatible: input.root.compatible,
  };
}

function fragmentText(fragment: Fragment): string {
  return `${fragment.id} (${formatText(fragment)}, ${fragment.size} bytes)`;
}

/** `fdt memblock-v1`, `luo-ser luo-v5`, or just the format when the compatible says nothing more (`memfd-v2`). */
function formatText(fragment: Fragment): string {
  const { format, compatible } = fragment;
  return compatible && compatible !== format ? `${format} ${compatible}` : format;
}
