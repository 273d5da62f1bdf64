import type { Fragment, KhoGraph, KhoRoot, Link } from '../../../../core/kho';
import { rootLabel } from '../../../explore/rootLabel';
import { formatHex } from '../../../format/formatHex';
import { formatSize } from '../../../format/formatSize';
import { fragmentHue } from '../../memmap/fragmentHue';
import { CARD, CHIP_LINE_WIDTH, chipWidth } from './cardGeometry';
import { cardRows } from './cardRows';
import { diagnosticBadges, rowKey, type DiagnosticBadges } from './diagnosticBadges';
import { edgeLabel, edgeOrderTag, edgeTitle } from './edgeLabel';
import type { GraphCard, GraphEdge, GraphScene } from './GraphScene';
import { keyProperties } from './keyProperties';
import { chipLabel, locationPages, packChipLines, pageChipSequence, type PageChip } from './pageChips';

/** Pages turned into chips per card: more never fit on the chip lines. */
const CHIP_PAGE_LIMIT = 64;
/** Hue of stand-in cards (they have no fragment colour). */
const STAND_IN_HUE = 0;

/** Links and problem rows of one fragment, gathered once. */
interface FragmentPlaces {
  linksByRow: Map<string, number>;
  /** `node\nproperty` of every link owner (to keep them out of the key properties). */
  linkProperties: Set<string>;
  problemRows: Set<string>;
}

/**
 * Turns a decoded graph into cards and edges. Each fragment is placed under
 * the first link that reaches it from one level up (the link that made the
 * decoder read it); any other link to it (a shared target, a cycle) becomes
 * an `extra` edge. A link whose target could not be read gets a stand-in
 * card, and so does a root that could not be decoded, so every problem has a
 * place on the graph.
 */
export function buildGraphScene(graph: KhoGraph): GraphScene {
  const badges = diagnosticBadges(graph.diagnostics);
  const fragments = new Map(graph.fragments.map((fragment, index) => [fragment.id, { fragment, index }]));
  const places = gatherPlaces(graph);
  const cards: GraphCard[] = [];
  const byId = new Map<string, GraphCard>();
  const add = (card: GraphCard) => {
    cards.push(card);
    byId.set(card.id, card);
  };
  for (const { fragment, index } of fragments.values())
    add(fragmentCard(fragment, index, graph.source.pageSize, places.get(fragment.id), badges));

  const treeLinks = new Map<string, Link>();
  const edges: GraphEdge[] = [];
  for (const link of graph.links) {
    const owner = byId.get(link.from.fragment);
    if (!owner) continue;
    let target = link.to === null ? undefined : byId.get(link.to);
    let kind: GraphEdge['kind'] = 'extra';
    if (!target) {
      target = standInForLink(link, graph, badges);
      add(target);
      kind = 'tree';
    } else if (isTreeLink(link, target.id, fragments) && !treeLinks.has(target.id)) {
      kind = 'tree';
    }
    if (kind === 'tree') {
      treeLinks.set(target.id, link);
      owner.children.push(target.id);
      target.parent = owner.id;
    }
    const row = owner.rows.findIndex((candidate) => candidate.key === rowKey(link.from.node, link.from.property));
    edges.push({
      id: link.id,
      from: owner.id,
      row,
      to: target.id,
      kind,
      label: edgeLabel(link),
      orderTag: edgeOrderTag(link),
      title: edgeTitle(link),
    });
  }

  const roots: string[] = [];
  for (const root of graph.roots) {
    if (root.fragment !== null && byId.has(root.fragment) && !treeLinks.has(root.fragment)) {
      roots.push(root.fragment);
      byId.get(root.fragment)!.title = rootLabel(graph, root).title;
    } else if (root.fragment === null && root.address !== null) {
      const card = standInForRoot(root, root.address, graph);
      add(card);
      roots.push(card.id);
    }
  }
  const rooted = new Set(roots);
  for (const card of cards)
    if (!treeLinks.has(card.id) && !rooted.has(card.id) && card.fragment !== null) roots.push(card.id);

  nameByOwner(roots, byId, treeLinks);
  countDescendants(roots, byId);
  return { cards, byId, edges, roots };
}

function gatherPlaces(graph: KhoGraph): Map<string, FragmentPlaces> {
  const places = new Map<string, FragmentPlaces>();
  const of = (fragment: string) => {
    let entry = places.get(fragment);
    if (!entry) {
      entry = { linksByRow: new Map(), linkProperties: new Set(), problemRows: new Set() };
      places.set(fragment, entry);
    }
    return entry;
  };
  for (const link of graph.links) {
    const entry = of(link.from.fragment);
    const key = rowKey(link.from.node, link.from.property)!;
    entry.linksByRow.set(key, (entry.linksByRow.get(key) ?? 0) + 1);
    entry.linkProperties.add(`${link.from.node}\n${link.from.property}`);
  }
  for (const diagnostic of graph.diagnostics) {
    const { fragment, node, property } = diagnostic.location;
    const key = rowKey(node, property);
    if (fragment !== undefined && key !== null) of(fragment).problemRows.add(key);
  }
  return places;
}

/** A link places its target when it comes from exactly one level up (not a cycle back, not a cross link). */
function isTreeLink(link: Link, target: string, fragments: Map<string, { fragment: Fragment }>): boolean {
  const from = fragments.get(link.from.fragment)?.fragment;
  const to = fragments.get(target)?.fragment;
  return from !== undefined && to !== undefined && to.depth > 0 && from.depth === to.depth - 1;
}

const NO_PLACES: FragmentPlaces = { linksByRow: new Map(), linkProperties: new Set(), problemRows: new Set() };

function fragmentCard(
  fragment: Fragment,
  index: number,
  pageSize: number,
  places: FragmentPlaces = NO_PLACES,
  badges: DiagnosticBadges,
): GraphCard {
  const { rows, hidden } = cardRows(fragment, places.linksByRow, places.problemRows, badges, CARD.maxRows);
  const { pages, total } = locationPages(fragment.location, pageSize, CHIP_PAGE_LIMIT);
  return withGeometry({
    id: fragment.id,
    fragment: fragment.id,
    selection: { kind: 'fragment', fragment: fragment.id },
    title: fragment.id,
    via: null,
    meta: fragmentMeta(fragment),
    hue: fragmentHue(index),
    problem: fragment.content === null ? 'not decoded (see its diagnostics)' : null,
    chipLines: chipLines(pageChipSequence(pages, pageSize), total),
    properties: keyProperties(fragment, places.linkProperties, CARD.maxProperties),
    rows,
    hiddenRows: hidden,
    badge: badges.fragment(fragment.id),
  });
}

function fragmentMeta(fragment: Fragment): string {
  const what = fragment.compatible ?? fragment.format;
  const format = fragment.compatible !== null && fragment.format !== 'fdt' ? [fragment.format] : [];
  const location = fragment.location;
  const where =
    location.kind === 'contiguous'
      ? `at ${formatHex(location.address)}`
      : location.kind === 'pages'
        ? `${location.pages.length} ${location.pages.length === 1 ? 'page' : 'pages'}`
        : `file ${location.path}`;
  return [what, ...format, formatSize(fragment.size), where].join(' · ');
}

function standInForLink(link: Link, graph: KhoGraph, badges: DiagnosticBadges): GraphCard {
  const badge = badges.row(link.from.fragment, rowKey(link.from.node, link.from.property)!);
  const problem = badge === undefined ? undefined : graph.diagnostics[badge.first];
  return withGeometry({
    id: `unread:${link.id}`,
    fragment: null,
    selection: { kind: 'link', link: link.id },
    title: link.id,
    via: null,
    meta: `not read · ${edgeLabel(link)}`,
    hue: STAND_IN_HUE,
    problem: problem?.message ?? 'the target was not read',
    chipLines: chipLines(
      pageChipSequence(link.addresses.slice(0, CHIP_PAGE_LIMIT), graph.source.pageSize),
      link.addresses.length,
    ),
    properties: [],
    rows: [],
    hiddenRows: 0,
    badge,
  });
}

function standInForRoot(root: KhoRoot, address: number, graph: KhoGraph): GraphCard {
  const problem = graph.diagnostics.find((d) => d.location.address === address && d.location.fragment === undefined);
  return withGeometry({
    id: `root:${formatHex(address)}`,
    fragment: null,
    selection: { kind: 'memory', address, length: graph.source.pageSize },
    title: rootLabel(graph, root).title,
    via: null,
    meta: `not decoded · at ${formatHex(address)}`,
    hue: STAND_IN_HUE,
    problem: problem?.message ?? 'the root could not be decoded',
    chipLines: [],
    properties: [],
    rows: [],
    hiddenRows: 0,
    badge: undefined,
  });
}

function chipLines(chips: PageChip[], totalPages: number): PageChip[][] {
  return packChipLines(chips, totalPages, CHIP_LINE_WIDTH, CARD.maxChipLines, (chip) => chipWidth(chipLabel(chip)));
}

type CardContent = Omit<
  GraphCard,
  'chipsY' | 'propertiesY' | 'rowsY' | 'height' | 'parent' | 'children' | 'descendants'
>;

/** Stacks the card's sections and fixes the y of each (see cardGeometry). */
function withGeometry(content: CardContent): GraphCard {
  let y = CARD.paddingTop + CARD.titleHeight + CARD.metaHeight;
  if (content.problem !== null) y += CARD.propertyHeight;
  const chipsY = y + (content.chipLines.length > 0 ? CARD.sectionGap : 0);
  y = chipsY + content.chipLines.length * CARD.chipLineHeight;
  const propertiesY = y + (content.properties.length > 0 ? CARD.sectionGap : 0);
  y = propertiesY + content.properties.length * CARD.propertyHeight;
  const rowsY = y + (content.rows.length > 0 ? CARD.sectionGap : 0);
  y = rowsY + (content.rows.length + (content.hiddenRows > 0 ? 1 : 0)) * CARD.rowHeight;
  // Completed in place: a copy per card doubled the scene's garbage on big graphs.
  return Object.assign(content, {
    chipsY,
    propertiesY,
    rowsY,
    height: y + CARD.paddingBottom,
    parent: null,
    children: [],
    descendants: 0,
  });
}

/**
 * Titles every card below the top ones with its owner path, top-down: a
 * child is its parent's path followed by the owning node
 * (`/gpu@0x100000000/node1`) or, for a raw struct's field, `› field`. A
 * root card keeps its `rootLabel` title (its meta line says where); a
 * fragment reached from no root keeps its id.
 */
function nameByOwner(
  roots: readonly string[],
  byId: ReadonlyMap<string, GraphCard>,
  treeLinks: ReadonlyMap<string, Link>,
): void {
  const queue = [...roots];
  const paths = new Map<string, string>();
  for (const root of roots) paths.set(root, '');
  for (let at = 0; at < queue.length; at++) {
    const parent = byId.get(queue[at])!;
    for (const childId of parent.children) {
      const child = byId.get(childId)!;
      const link = treeLinks.get(childId)!;
      const base = paths.get(parent.id)!;
      const path =
        link.from.node === ''
          ? `${base || '/'} › ${link.from.property}`
          : `${base}${link.from.node === '/' ? '' : link.from.node}`;
      paths.set(childId, path);
      child.title = path || '/';
      child.via = link.from.node === '' ? null : link.from.property;
      queue.push(childId);
    }
  }
}

/** Fills `descendants` (cards hidden when a card is collapsed), children before parents. */
function countDescendants(roots: readonly string[], byId: ReadonlyMap<string, GraphCard>): void {
  const order: GraphCard[] = [];
  const stack = roots.map((id) => byId.get(id)!);
  while (stack.length > 0) {
    const card = stack.pop()!;
    order.push(card);
    for (const child of card.children) stack.push(byId.get(child)!);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const card = order[i];
    card.descendants = card.children.reduce((sum, child) => sum + 1 + byId.get(child)!.descendants, 0);
  }
}
