import { decodeLatin1 } from '../../bytes/latin1';
import { hex } from '../../bytes/readers';
import { DtsByteWriter } from '../../fdt/dts/DtsByteWriter';
import { dtsComment, dtsCommentText } from '../../fdt/dts/dtsComment';
import { writeFdtIndexDts } from '../../fdt/dts/printFdtIndexDts';
import { FdtError } from '../../fdt/FdtError';
import type { FdtIndex } from '../../fdt/FdtIndex';
import { readFdt } from '../../fdt/readFdt';
import { groupBy } from '../groupBy';
import type { DecodedNode, DecodedProperty } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';
import type { KhoGraph } from '../model/KhoGraph';
import type { Link } from '../model/Link';
import type { TypedValue } from '../model/TypedValue';

/**
 * Every fragment as DTS, each under a comment saying what and where it is.
 * FDT fragments are printed exactly as `dtc -I dtb -O dts` would (core/fdt's
 * index printer, `writeFdtIndexDts`), and every property whose meaning
 * differs from dtc's reading gets the right one as a trailing comment, with
 * the fragment it links to:
 * `preserved-data = <0x708401 0x00>; /* u64 LE 0x1847000 -> fragment 0x1847000 *\/`.
 * Raw fragments are shown as a comment listing their fields. An FDT whose
 * bytes hold only a prefix of it (the kernel's debugfs root file) is printed
 * as far as the bytes go, under a comment saying what is missing.
 *
 * The text is one char per byte (names are a blob's bytes); joined as one
 * string, so only for graphs whose text fits in memory: the CLI streams
 * `writeGraphDts`.
 */
export function renderGraphDts(graph: KhoGraph): string {
  return latin1Text(writeGraphDts(graph));
}

/** Options of `writeGraphDts`. */
export interface GraphDtsOptions {
  /** About how many bytes each chunk holds (a chunk ends at a node's or fragment's end, so it may be one node longer). Default 64 KiB, at least 16. */
  chunkBytes?: number;
}

/**
 * `renderGraphDts` as byte chunks (one byte per char), each made only when
 * the chunks before it were consumed: fragments, even one with a hundred
 * thousand nodes, are printed from their index node by node, so at most one
 * chunk of text is held at a time, never a fragment's or the whole text.
 * Joined, the chunks are `renderGraphDts`; each is a fresh array.
 */
export function* writeGraphDts(graph: KhoGraph, options: GraphDtsOptions = {}): Generator<Uint8Array> {
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const out = new DtsByteWriter(chunkBytes);
  const linksByPlace = linksByPlaceOf(graph);
  for (const [i, fragment] of graph.fragments.entries()) {
    if (i > 0) out.newline();
    yield* writeFragmentDts(out, fragment, linksByPlace, chunkBytes);
    if (out.length >= chunkBytes) yield out.take();
  }
  yield out.take();
}

/** One fragment's share of `renderGraphDts`: joined by newlines, the parts are its text. */
export interface FragmentDtsPart {
  /** The fragment's id. */
  fragment: string;
  /** Its DTS, as `renderFragmentDts` prints it. */
  text: string;
}

/**
 * `renderGraphDts` split per fragment, in the same order, so a view can show
 * (and scroll to) each fragment's place in the text.
 */
export function renderGraphDtsParts(graph: KhoGraph): FragmentDtsPart[] {
  const linksByPlace = linksByPlaceOf(graph);
  return graph.fragments.map((fragment) => ({
    fragment: fragment.id,
    text: renderFragmentDts(graph, fragment, linksByPlace),
  }));
}

/** The graph's links by the place they start from: one pass, so the text stays linear in links. */
function linksByPlaceOf(graph: KhoGraph): Map<string, Link[]> {
  return groupBy(graph.links, (link) => placeKey(link.from.fragment, link.from.node, link.from.property));
}

/** What a place no link starts from has (shared, never written to). */
const NO_LINKS: readonly Link[] = Object.freeze([]);

/** One key per property of a fragment's node. */
function placeKey(fragment: string, node: string, property: string): string {
  return `${fragment}\0${node}\0${property}`;
}

/**
 * One fragment of `graph` as DTS, as `renderGraphDts` prints it (its links'
 * targets named from `graph`), one char per byte. `linksByPlace` is for a
 * caller printing many fragments of one graph; by default it is built from
 * the graph.
 */
export function renderFragmentDts(
  graph: KhoGraph,
  fragment: Fragment,
  linksByPlace: Map<string, Link[]> = linksByPlaceOf(graph),
): string {
  const chunkBytes = 64 * 1024;
  const out = new DtsByteWriter(chunkBytes);
  return latin1Text(
    (function* () {
      yield* writeFragmentDts(out, fragment, linksByPlace, chunkBytes);
      yield out.take();
    })(),
  );
}

/** Byte chunks as one string, one char per byte. */
function latin1Text(chunks: Iterable<Uint8Array>): string {
  const parts: string[] = [];
  for (const chunk of chunks) parts.push(decodeLatin1(chunk, 0, chunk.length));
  return parts.join('');
}

/**
 * Writes one fragment's DTS into `out` (the head comment, then its content),
 * handing out `out.take()` whenever `out` holds `chunkBytes` or more at the
 * end of a node; the rest stays in `out` for the caller.
 */
function* writeFragmentDts(
  out: DtsByteWriter,
  fragment: Fragment,
  linksByPlace: Map<string, Link[]>,
  chunkBytes: number,
): Generator<Uint8Array> {
  out.text(
    `${dtsComment(`fragment ${fragment.id}: ${fragment.compatible ?? fragment.format}, ${fragment.size} bytes, root ${fragment.root}`)}\n`,
  );
  const content = fragment.content;
  if (content?.kind === 'raw') {
    const fields = content.fields.map(
      (field) =>
        ` *   ${field.path} = ${field.value.kind === 'string' ? JSON.stringify(field.value.value) : abiReading(field.value)}`,
    );
    out.text(`/* raw ${content.format}:\n${dtsCommentText(fields.join('\n'))}\n */\n`);
    return;
  }
  if (content?.kind !== 'fdt') {
    out.text('/* not a readable FDT (see the diagnostics) */\n');
    return;
  }
  let index: FdtIndex;
  try {
    // Tolerant because the decoder was: a fragment it read as a prefix has content too.
    index = readFdt(fragment.bytes, { allowTruncated: true });
  } catch (error) {
    if (error instanceof FdtError) {
      out.text(`${dtsComment(error.message)}\n`);
      return;
    }
    throw error;
  }
  const truncation = index.truncation;
  if (truncation) {
    out.text(
      `${dtsComment(`truncated: the bytes hold ${truncation.availableBytes} of the FDT's ${truncation.totalSize} bytes; ${truncation.reason}; below is what they hold`)}\n`,
    );
  }
  const places = nodePlaces(index, content.root);
  yield* writeFdtIndexDts(index, out, {
    chunkBytes,
    annotate: (n, p) => {
      const place = places[n];
      const match = place.decoded?.properties[p - index.nodeFirstProperty(n)];
      if (match?.name !== index.propertyName(p)) return undefined;
      return propertyNote(match, linksByPlace.get(placeKey(fragment.id, place.path, match.name)) ?? NO_LINKS);
    },
  });
}

/** Where one node of a fragment's index is: its path, and the node the decoder typed for it (if the two pair up). */
interface NodePlace {
  path: string;
  decoded: DecodedNode | undefined;
}

/**
 * Pairs each node of the index with the node the decoder typed, by position
 * among the children, and gives each its path (by index number). The index
 * and the content were read from the same bytes, so their trees have the
 * same shape and their properties the same order; the printer may only
 * leave out a node's last property (dtc's implied `name` in versions before
 * 16). A property whose name differs from its pair's is left unannotated
 * rather than given the wrong reading.
 */
function nodePlaces(index: FdtIndex, root: DecodedNode): NodePlace[] {
  const places: NodePlace[] = new Array(index.nodeCount);
  const visit = (n: number, path: string, decoded: DecodedNode | undefined): void => {
    places[n] = { path, decoded };
    index.nodeChildren(n).forEach((child, i) => {
      const name = index.nodeName(child);
      visit(child, path === '/' ? `/${name}` : `${path}/${name}`, decoded?.children[i]);
    });
  };
  if (index.nodeCount > 0) visit(index.root, '/', root);
  return places;
}

/**
 * The ABI reading of the property (if it differs from dtc's) and where its
 * links (those from it) lead, space-separated. Built as one string with no
 * list: the DTS asks once per property of every fragment.
 */
function propertyNote(property: DecodedProperty, links: readonly Link[]): string | undefined {
  let note = abiReading(property.value);
  for (const link of links) {
    const lead = link.to === null ? 'not followed' : `-> fragment ${link.to}`;
    note = note === null ? lead : `${note} ${lead}`;
  }
  return note ?? undefined;
}

/** The ABI reading of an integer value (which dtc shows as BE cells); null for anything else. */
function abiReading(value: TypedValue): string | null {
  switch (value.kind) {
    case 'u16':
    case 'u32':
    case 'u64':
      return value.basis === 'abi' ? `${value.kind} ${value.order.toUpperCase()} ${hex(value.value)}` : null;
    case 'u32-list':
    case 'u64-list':
      return value.basis === 'abi'
        ? `${value.kind === 'u32-list' ? 'u32' : 'u64'} list ${value.order.toUpperCase()} ${value.values.map(hex).join(' ')}`
        : null;
    case 'struct':
      return `${value.struct} { ${value.fields.map((field) => `${field.name} ${abiReading(field.value) ?? '?'}`).join(', ')} }`;
    default:
      return null;
  }
}
