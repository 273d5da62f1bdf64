import type { FdtNode, FdtProperty } from '../../fdt/FdtDocument';
import { FdtError } from '../../fdt/FdtError';
import { dtsComment, dtsCommentText } from '../../fdt/dts/dtsComment';
import { printDts } from '../../fdt/dts/printDts';
import { readFdt } from '../../fdt/readFdt';
import { hex } from '../../bytes/readers';
import { groupBy } from '../groupBy';
import type { DecodedNode, DecodedProperty } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';
import type { KhoGraph } from '../model/KhoGraph';
import type { Link } from '../model/Link';
import type { TypedValue } from '../model/TypedValue';

/**
 * Every fragment as DTS, each under a comment saying what and where it is.
 * FDT fragments are printed exactly as `dtc -I dtb -O dts` would (core/fdt's
 * `printDts`), and every property whose meaning differs from dtc's reading
 * gets the right one as a trailing comment, with the fragment it links to:
 * `preserved-data = <0x708401 0x00>; /* u64 LE 0x1847000 -> fragment 0x1847000 *\/`.
 * Raw fragments are shown as a comment listing their fields. An FDT whose
 * bytes hold only a prefix of it (the kernel's debugfs root file) is printed
 * as far as the bytes go, under a comment saying what is missing.
 */
export function renderGraphDts(graph: KhoGraph): string {
  return [...writeGraphDts(graph)].join('');
}

/** Options of `writeGraphDts`. */
export interface GraphDtsOptions {
  /** Chars gathered before a chunk is handed out (a chunk ends at a fragment's end, so it may be one fragment longer). Default 64 Ki. */
  chunkChars?: number;
}

/**
 * `renderGraphDts` in chunks of whole fragments, each fragment's text made
 * only when the chunks before it were consumed: at most one fragment's DTS
 * and one chunk are held at a time, never the whole text. Joined, the chunks
 * are `renderGraphDts`.
 */
export function* writeGraphDts(graph: KhoGraph, options: GraphDtsOptions = {}): Generator<string> {
  const chunkChars = options.chunkChars ?? 64 * 1024;
  const linksByPlace = linksByPlaceOf(graph);
  let parts: string[] = [];
  let chars = 0;
  for (const [i, fragment] of graph.fragments.entries()) {
    const text = (i === 0 ? '' : '\n') + renderFragmentDts(graph, fragment, linksByPlace);
    parts.push(text);
    chars += text.length;
    if (chars >= chunkChars) {
      yield parts.join('');
      parts = [];
      chars = 0;
    }
  }
  yield parts.join('');
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

/** One key per property of a fragment's node. */
function placeKey(fragment: string, node: string, property: string): string {
  return `${fragment}\0${node}\0${property}`;
}

/**
 * One fragment of `graph` as DTS, as `renderGraphDts` prints it (its links'
 * targets named from `graph`). `linksByPlace` is for a caller printing many
 * fragments of one graph; by default it is built from the graph.
 */
export function renderFragmentDts(
  graph: KhoGraph,
  fragment: Fragment,
  linksByPlace: Map<string, Link[]> = linksByPlaceOf(graph),
): string {
  const head = `${dtsComment(`fragment ${fragment.id}: ${fragment.compatible ?? fragment.format}, ${fragment.size} bytes, root ${fragment.root}`)}\n`;
  const content = fragment.content;
  if (content?.kind === 'raw') {
    const fields = content.fields.map(
      (field) =>
        ` *   ${field.path} = ${field.value.kind === 'string' ? JSON.stringify(field.value.value) : abiReading(field.value)}`,
    );
    return `${head}/* raw ${content.format}:\n${dtsCommentText(fields.join('\n'))}\n */\n`;
  }
  if (content?.kind !== 'fdt') return `${head}/* not a readable FDT (see the diagnostics) */\n`;
  let index: ReturnType<typeof readFdt>;
  try {
    // Tolerant because the decoder was: a fragment it read as a prefix has content too.
    index = readFdt(fragment.bytes, { allowTruncated: true });
  } catch (error) {
    if (error instanceof FdtError) return `${head}${dtsComment(error.message)}\n`;
    throw error;
  }
  const truncation = index.truncation;
  const cut = truncation
    ? `${dtsComment(`truncated: the bytes hold ${truncation.availableBytes} of the FDT's ${truncation.totalSize} bytes; ${truncation.reason}; below is what they hold`)}\n`
    : '';
  const document = index.toDocument();
  const decoded = new Map<FdtProperty, DecodedProperty>();
  pairProperties(document.root, content.root, decoded);
  const linksOf = (nodePath: string, name: string): Link[] =>
    linksByPlace.get(placeKey(fragment.id, nodePath, name)) ?? [];
  return (
    head +
    cut +
    printDts(document, {
      annotate: (nodePath, property) => {
        const match = decoded.get(property);
        return match && propertyNote(match, linksOf(nodePath, match.name));
      },
    })
  );
}

/**
 * Pairs each printed property with the one the decoder typed. The document
 * and the content were read from the same bytes, so their trees have the same
 * shape and their properties the same order; the document may only lack a
 * node's last property (dtc's implied `name` in versions before 16). A pair
 * whose names differ is left out rather than annotated with the wrong reading.
 */
function pairProperties(printed: FdtNode, decoded: DecodedNode, pairs: Map<FdtProperty, DecodedProperty>): void {
  printed.properties.forEach((property, i) => {
    const match = decoded.properties[i];
    if (match?.name === property.name) pairs.set(property, match);
  });
  printed.children.forEach((child, i) => {
    if (decoded.children[i]) pairProperties(child, decoded.children[i], pairs);
  });
}

/** The ABI reading of the property (if it differs from dtc's) and where its links (those from it) lead. */
function propertyNote(property: DecodedProperty, links: Link[]): string | undefined {
  const notes = [abiReading(property.value)].filter((note): note is string => note !== null);
  for (const link of links) notes.push(link.to === null ? 'not followed' : `-> fragment ${link.to}`);
  return notes.length > 0 ? notes.join(' ') : undefined;
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
