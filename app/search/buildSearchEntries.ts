import {
  type DecodedNode,
  type Fragment,
  type KhoGraph,
  locationExtents,
  type TypedValue,
  type U64Readings,
} from '../../core/kho';
import type { SearchEntry, SearchNumber } from './SearchEntry';

const entriesOf = new WeakMap<KhoGraph, SearchEntry[]>();

/** The searchable things of `graph`, built once per graph. */
export function searchEntriesOf(graph: KhoGraph): SearchEntry[] {
  let entries = entriesOf.get(graph);
  if (!entries) {
    entries = buildSearchEntries(graph);
    entriesOf.set(graph, entries);
  }
  return entries;
}

/**
 * Everything search looks at: fragments (id, compatible, format, where they
 * are), nodes (name, path), properties and raw fields (name, text values,
 * every integer reading in both byte orders), links (the addresses they
 * point to) and the addresses inside side structures, each with the
 * selection it leads to.
 */
export function buildSearchEntries(graph: KhoGraph): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const fragment of graph.fragments) addFragment(entries, fragment);
  for (const link of graph.links) {
    entries.push({
      selection: { kind: 'link', link: link.id },
      title: `link ${link.from.property || link.from.node}`,
      context: `${link.from.fragment} → ${link.to ?? 'not followed'}`,
      texts: [],
      numbers: link.addresses.map((address) => ({
        value: BigInt(address),
        how: `pointer (${link.order.toUpperCase()})`,
      })),
      extents: [],
    });
  }
  const owned = (owner: { fragment: string; node: string; property: string }, title: string, values: number[]) => {
    entries.push({
      selection: { kind: 'property', fragment: owner.fragment, node: owner.node, property: owner.property },
      title,
      context: `${owner.fragment} ${owner.node} ${owner.property}`.replace(/\s+/g, ' '),
      texts: [],
      numbers: values.map((value) => ({ value: BigInt(value), how: 'page of the structure' })),
      extents: [],
    });
  };
  for (const area of graph.vmallocAreas) owned(area.owner, 'vmalloc area', [...area.chunks, ...area.pieces]);
  for (const set of graph.blockSets)
    owned(
      set.owner,
      `${set.entry} blocks`,
      set.blocks.map((block) => block.address),
    );
  return entries;
}

function addFragment(entries: SearchEntry[], fragment: Fragment): void {
  const extents = locationExtents(fragment.location);
  entries.push({
    selection: { kind: 'fragment', fragment: fragment.id },
    title: `fragment ${fragment.id}`,
    context: fragment.compatible ?? fragment.format,
    texts: [fragment.id.toLowerCase(), (fragment.compatible ?? '').toLowerCase(), fragment.format.toLowerCase()],
    numbers: extents.length > 0 ? [{ value: BigInt(extents[0].start), how: 'address' }] : [],
    extents,
  });
  const content = fragment.content;
  if (content?.kind === 'raw') {
    for (const field of content.fields) {
      entries.push({
        selection: { kind: 'property', fragment: fragment.id, node: '', property: field.path },
        title: field.path,
        context: fragment.id,
        texts: [field.path.toLowerCase(), ...textsOf(field.value)],
        numbers: numbersOf(field.value, field.readings),
        extents: [],
      });
    }
  }
  if (content?.kind !== 'fdt') return;
  const stack: DecodedNode[] = [content.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.path !== '/') {
      entries.push({
        selection: { kind: 'node', fragment: fragment.id, node: node.path },
        title: node.name,
        context: `${fragment.id} ${node.path}`,
        texts: [node.name.toLowerCase(), node.path.toLowerCase()],
        numbers: [],
        extents: [],
      });
    }
    for (const property of node.properties) {
      entries.push({
        selection: { kind: 'property', fragment: fragment.id, node: node.path, property: property.name },
        title: property.name,
        context: `${fragment.id} ${node.path}`,
        texts: [property.name.toLowerCase(), ...textsOf(property.value)],
        numbers: numbersOf(property.value, property.readings),
        extents: [],
      });
    }
    // Reversed, so nodes are listed in document order.
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}

function textsOf(value: TypedValue): string[] {
  switch (value.kind) {
    case 'string':
      return [value.value.toLowerCase()];
    case 'string-list':
      return value.values.map((entry) => entry.toLowerCase());
    case 'struct':
      return value.fields.flatMap((field) => textsOf(field.value));
    default:
      return [];
  }
}

/** Every integer a value holds as typed, plus both u64 readings of its bytes. */
function numbersOf(value: TypedValue, readings: U64Readings | undefined): SearchNumber[] {
  const found: SearchNumber[] = [];
  const typed = (number: number | bigint, how: string) => found.push({ value: BigInt(number), how });
  switch (value.kind) {
    case 'u16':
    case 'u32':
    case 'u64':
      typed(value.value, `${value.kind} ${value.order.toUpperCase()}`);
      break;
    case 'u32-list':
    case 'u64-list':
      for (const entry of value.values)
        typed(entry, `${value.kind === 'u32-list' ? 'u32' : 'u64'} ${value.order.toUpperCase()}`);
      break;
    case 'struct':
      for (const field of value.fields)
        found.push(
          ...numbersOf(field.value, undefined).map((entry) => ({ ...entry, how: `${field.name}: ${entry.how}` })),
        );
      break;
  }
  if (readings) {
    for (const entry of readings.le) typed(entry, 'u64 LE');
    for (const entry of readings.be) typed(entry, 'u64 BE');
  }
  return found;
}
