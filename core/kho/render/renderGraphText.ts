import { describeKernelFacts } from '../kernel/describeKernelFacts';
import { hex } from '../../bytes/readers';
import type { Diagnostic } from '../model/Diagnostic';
import type { DecodedNode } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';
import type { FragmentLocation } from '../model/FragmentLocation';
import type { KhoGraph, KhoRoot } from '../model/KhoGraph';
import type { Link } from '../model/Link';
import { fieldRefId } from '../fieldRefId';
import { groupBy } from '../groupBy';
import type { BlockSet, VmallocArea } from '../model/SideStructures';
import { describeUser } from './describeUser';
import { DiagnosticIndex } from './DiagnosticIndex';
import { describeReading, formatValue } from './formatValue';

/** Each depth's indentation, two spaces per level, made once (a line is printed per property and link). */
const INDENTS: string[] = [];

/** The indentation of `depth`. */
function indent(depth: number): string {
  let text = INDENTS[depth];
  if (text === undefined) {
    text = '  '.repeat(depth);
    INDENTS[depth] = text;
  }
  return text;
}
/** Chunks of about this many chars leave `writeGraphText` (the JSON writer's size). */
const DEFAULT_CHUNK_CHARS = 64 * 1024;

/** Options of `writeGraphText`. */
export interface GraphTextOptions {
  /** Chars gathered before a chunk is handed out; a chunk ends after a property or field with what prints under it, so it may be that much longer. Default 64 Ki. */
  chunkChars?: number;
}

/**
 * The graph as an indented text tree: each root, then its fragments with
 * their nodes and properties (or raw fields), every pointer resolved inline
 * (the target fragment printed under the property that points to it, page
 * lists and byte orders spelled out), side structures under the field that
 * owns them, and every diagnostic at the place it is about. Diagnostics no
 * place claimed come last, so none is lost.
 */
export function renderGraphText(graph: KhoGraph): string {
  return [...writeGraphText(graph)].join('');
}

/**
 * `renderGraphText` in chunks of whole lines, made as they are consumed: the
 * text of a large graph is never held as one string (the CLI writes each
 * chunk before the next is made). Joined, the chunks are `renderGraphText`.
 */
export function* writeGraphText(graph: KhoGraph, options: GraphTextOptions = {}): Generator<string> {
  const tree = new TextTree(graph, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  yield* tree.render();
  yield tree.take();
}

class TextTree {
  /** Lines of the chunk being gathered, each with its newline. */
  private parts: string[] = [];
  private chars = 0;
  private readonly diagnostics: DiagnosticIndex;
  private readonly fragments: Map<string, Fragment>;
  private readonly printed = new Set<string>();
  private readonly printedLinks = new Set<string>();
  private readonly pageSize: number;
  // Everything a place looks up, indexed once: the text is then linear in fragments, links and structures.
  private readonly linksById: Map<string, Link[]>;
  private readonly linksFrom: Map<string, Link[]>;
  private readonly vmallocById: Map<string, VmallocArea[]>;
  private readonly blockSetsById: Map<string, BlockSet[]>;
  /** Per fragment, the field paths (node '') that own a link or side structure. */
  private readonly rawOwners: Map<string, Set<string>>;
  private readonly mapsByRootFragment = new Map<string, NonNullable<KhoRoot['map']>>();

  constructor(
    private readonly graph: KhoGraph,
    private readonly chunkChars: number,
  ) {
    this.pageSize = graph.source.pageSize;
    this.diagnostics = new DiagnosticIndex(graph.diagnostics);
    this.fragments = new Map(graph.fragments.map((fragment) => [fragment.id, fragment]));
    this.linksById = groupBy(graph.links, (link) => link.id);
    this.linksFrom = groupBy(graph.links, (link) => link.from.fragment);
    this.vmallocById = groupBy(graph.vmallocAreas, (area) => area.id);
    this.blockSetsById = groupBy(graph.blockSets, (set) => set.id);
    const owners = [
      ...graph.links.map((link) => link.from),
      ...graph.vmallocAreas.map((area) => area.owner),
      ...graph.blockSets.map((set) => set.owner),
    ].filter((owner) => owner.node === '');
    this.rawOwners = new Map(
      [...groupBy(owners, (owner) => owner.fragment)].map(([id, list]) => [id, new Set(list.map((o) => o.property))]),
    );
    // The first root that has the fragment, as a search in root order would find it.
    for (const root of [...graph.roots].reverse()) {
      if (root.fragment && root.map) this.mapsByRootFragment.set(root.fragment, root.map);
      else if (root.fragment) this.mapsByRootFragment.delete(root.fragment);
    }
  }

  /** The text gathered since the last chunk, as one chunk. */
  take(): string {
    const chunk = this.parts.join('');
    this.parts = [];
    this.chars = 0;
    return chunk;
  }

  /** The whole text; chunks leave whenever `chunkChars` have gathered (checked after each place that prints). */
  *render(): Generator<string> {
    const { source } = this.graph;
    this.line(0, `${source.kind} ${source.name}, page size ${source.pageSize}`);
    this.notes(1, this.diagnostics.atImage());
    for (const area of this.graph.scratchAreas)
      this.line(1, `scratch area [${hex(area.address)}, +${hex(area.size)}) from ${area.source}`);
    for (const line of describeKernelFacts(this.graph)) this.line(1, line);
    for (const root of this.graph.roots) yield* this.root(root);
    const unprinted = this.graph.fragments.filter((fragment) => !this.printed.has(fragment.id));
    if (unprinted.length > 0) this.line(0, 'fragments reached from no root:');
    for (const fragment of unprinted) yield* this.fragment(fragment.id, 1);
    const rest = this.diagnostics.rest();
    if (rest.length > 0) this.line(0, 'other diagnostics:');
    this.notes(1, rest);
  }

  /** Whether a chunk's worth has gathered (checked, and the chunk handed out, after each property and field). */
  private get full(): boolean {
    return this.chars >= this.chunkChars;
  }

  private *root(root: KhoRoot): Generator<string> {
    const where = root.address === null ? 'file' : hex(root.address);
    const found = root.rank === null ? root.how : `${root.how}, rank ${root.rank}`;
    this.line(0, `root ${where}: ${root.compatible ?? '(no compatible)'} (found by ${found})`);
    if (root.address !== null) this.notes(1, this.diagnostics.atAddress(root.address));
    const chain = root.anchorChain;
    if (chain) {
      this.line(
        1,
        `anchor chain: anchor pages ${chain.anchorPages.map(hex).join(', ')}; fdt_size ${chain.fdtSize} on pages ${pageList(chain.pages, this.pageSize)}`,
      );
      this.notes(2, this.diagnostics.atStructure(chain.id));
    }
    if (root.fragment) yield* this.fragment(root.fragment, 1);
  }

  private *fragment(id: string, depth: number): Generator<string> {
    const fragment = this.fragments.get(id);
    if (!fragment) return;
    if (this.printed.has(id)) {
      this.line(depth, `(fragment ${id} is shown above)`);
      return;
    }
    this.printed.add(id);
    const kind =
      fragment.format === 'fdt'
        ? `FDT ${fragment.compatible ?? '(no compatible)'}`
        : `raw ${fragment.format}${fragment.compatible ? ` ${fragment.compatible}` : ''}`;
    this.line(depth, `fragment ${id}: ${kind}, ${fragment.size} bytes ${where(fragment.location, this.pageSize)}`);
    this.notes(depth + 1, this.diagnostics.atFragment(id));
    const content = fragment.content;
    if (content?.kind === 'fdt') yield* this.node(fragment, content.root, depth + 1);
    if (content?.kind === 'raw') {
      for (const field of content.fields) {
        const reading = describeReading(field.value);
        this.line(
          depth + 1,
          `${field.path} = ${formatValue(field.value, fragment.bytes.subarray(field.offset, field.offset + field.size))}${reading ? `  (${reading})` : ''}`,
        );
        yield* this.spot(fragment, '', field.path, depth + 2);
        if (this.full) yield this.take();
      }
    }
    for (const property of this.unlistedRawProperties(fragment)) {
      this.line(depth + 1, `${property}:`);
      yield* this.spot(fragment, '', property, depth + 2);
    }
    // Links from places the content did not show (a fragment without decoded content, a node resolved by name).
    for (const link of this.linksFrom.get(id) ?? []) {
      if (this.printedLinks.has(link.id)) continue;
      this.line(depth + 1, `${[link.from.node, link.from.property].filter(Boolean).join(' ')}:`);
      yield* this.link(link, depth + 2);
    }
    if (fragment.user) for (const text of describeUser(fragment.user)) this.line(depth + 1, text);
  }

  /** Field paths of a raw fragment that own links or side structures but are not fields (`sessions[0].files`). */
  private unlistedRawProperties(fragment: Fragment): string[] {
    const owned = this.rawOwners.get(fragment.id);
    if (!owned) return [];
    const fields = new Set(fragment.content?.kind === 'raw' ? fragment.content.fields.map((field) => field.path) : []);
    return [...owned].filter((property) => !fields.has(property)).sort();
  }

  private *node(fragment: Fragment, node: DecodedNode, depth: number): Generator<string> {
    this.line(depth, node.path === '/' ? '/' : `${node.name}/`);
    this.notes(depth + 1, this.diagnostics.atNode(fragment.id, node.path));
    for (const property of node.properties) {
      const reading = describeReading(property.value);
      this.line(
        depth + 1,
        `${property.name} = ${formatValue(property.value, property.raw)}${reading ? `  (${reading})` : ''}`,
      );
      yield* this.spot(fragment, node.path, property.name, depth + 2);
      if (this.full) yield this.take();
    }
    for (const child of node.children) yield* this.node(fragment, child, depth + 1);
  }

  /** Everything attached to one property or field: diagnostics, the map, side structures, links and their targets. */
  private *spot(fragment: Fragment, node: string, property: string, depth: number): Generator<string> {
    this.notes(depth, this.diagnostics.atProperty(fragment.id, node, property));
    const ref = fieldRefId({ fragment: fragment.id, node, property });
    if (node === '/' && property === 'preserved-memory-map') this.map(fragment.id, depth);
    // Most graphs have no side structures: then no key is built for them per property.
    for (const area of this.vmallocById.size === 0 ? [] : (this.vmallocById.get(`vmalloc:${ref}`) ?? [])) {
      this.line(
        depth,
        `vmalloc area: ${area.totalPages} page(s), pieces of order ${area.order}, flags ${hex(area.flags)}; chunks ${area.chunks.map(hex).join(', ') || 'none'}; pieces ${area.pieces.map(hex).join(', ') || 'none'}`,
      );
      this.notes(depth + 1, this.diagnostics.atStructure(area.id));
    }
    for (const set of this.blockSetsById.size === 0 ? [] : (this.blockSetsById.get(`blocks:${ref}`) ?? [])) {
      const blocks = set.blocks.map((block) => `${hex(block.address)} (${block.count})`).join(', ') || 'none';
      this.line(depth, `${set.layout === 'kho-block' ? 'block set' : 'array'} of ${set.entry}: ${blocks}`);
      this.notes(depth + 1, this.diagnostics.atStructure(set.id));
    }
    for (const link of this.linksById.get(ref) ?? []) yield* this.link(link, depth);
  }

  private map(rootFragment: string, depth: number): void {
    const map = this.mapsByRootFragment.get(rootFragment);
    if (!map) return;
    const detail =
      map.details.encoding === 'radix-tree' ? `depth ${map.details.depth}` : `${map.details.bitmapBytes}-byte bitmaps`;
    this.line(
      depth,
      `map: ${map.encoding} at ${hex(map.address)}, ${map.status}: ${map.blocksPerOrder.reduce((a, b) => a + b, 0)} blocks, ${map.ranges.totalBytes} bytes preserved, ${detail}`,
    );
    this.notes(depth + 1, this.diagnostics.atStructure(`map:${hex(map.address)}`));
  }

  private *link(link: Link, depth: number): Generator<string> {
    this.printedLinks.add(link.id);
    const size = link.size === null ? '' : `, ${link.size} bytes`;
    const target =
      link.addresses.length > 1 || link.scheme === 'draft-recursive-fdt'
        ? `pages ${pageList(link.addresses, this.pageSize)}, read ${link.order.toUpperCase()} (${link.orderReason})`
        : link.addresses.length === 1
          ? `${hex(link.addresses[0])} by ${link.scheme}${size}`
          : `${link.to ?? '(nothing)'} by ${link.scheme}`;
    this.line(depth, `→ ${target}${link.to === null ? ': not followed' : ''}`);
    if (link.to !== null) yield* this.fragment(link.to, depth + 1);
  }

  private notes(depth: number, diagnostics: readonly Diagnostic[]): void {
    for (const diagnostic of diagnostics)
      this.line(depth, `[${diagnostic.severity} ${diagnostic.code}] ${diagnostic.message}`);
  }

  private line(depth: number, text: string): void {
    const line = `${indent(depth)}${text}\n`;
    this.parts.push(line);
    this.chars += line.length;
  }
}

/** Page addresses joined by `+`, saying when they are not contiguous. */
function pageList(pages: readonly number[], pageSize: number): string {
  const list = pages.map(hex).join(' + ');
  const contiguous = pages.every((page, i) => i === 0 || page === pages[i - 1] + pageSize);
  return contiguous ? list : `${list} (not contiguous)`;
}

function where(location: FragmentLocation, pageSize: number): string {
  switch (location.kind) {
    case 'contiguous':
      return `at ${hex(location.address)}`;
    case 'pages':
      return `on pages ${pageList(location.pages, pageSize)}`;
    case 'file':
      return `in file ${location.path}`;
  }
}
