import { probeFdtHeader } from '../../../core/fdt';
import type { DecodedNode, Fragment } from '../../../core/kho';
import type { Selection } from '../../model/Selection';

/** What a run of a fragment's bytes is. */
export type OwnerPart = 'header' | 'reservations' | 'node' | 'property' | 'strings' | 'field' | 'other';

/** A run [start, end) of fragment offsets and what owns it. */
export interface OwnerSpan {
  start: number;
  end: number;
  part: OwnerPart;
  /** What clicking one of its bytes selects. */
  selection: Selection;
  /** Plain words for the status line: `property key1 of /gpu`, `FDT header`. */
  label: string;
  /** For a property: where its value starts (the bytes before are the token, length and name offset). */
  valueStart?: number;
}

/**
 * Who owns each byte of a fragment, as sorted, disjoint spans covering all
 * of it: for an FDT the header, the memory reservation block, each node's
 * BEGIN_NODE and name (and END_NODE), each property's token, header and
 * value, the strings block; for a raw struct each field. Bytes nothing
 * claims (padding, NOPs, bytes past the end) belong to the fragment.
 * Block offsets come from the FDT header in the bytes; spans are clipped to
 * the bytes present (a truncated FDT).
 */
export function byteOwners(fragment: Fragment): OwnerSpan[] {
  const spans: OwnerSpan[] = [];
  const whole: Selection = { kind: 'fragment', fragment: fragment.id };
  const content = fragment.content;
  if (content?.kind === 'raw') {
    for (const field of content.fields) {
      spans.push({
        start: field.offset,
        end: field.offset + field.size,
        part: 'field',
        selection: { kind: 'property', fragment: fragment.id, node: '', property: field.path },
        label: `field ${field.path}`,
      });
    }
  } else if (content?.kind === 'fdt') {
    const header = probeFdtHeader(fragment.bytes);
    if (header) {
      spans.push({ start: 0, end: header.headerSize, part: 'header', selection: whole, label: 'FDT header' });
      const reservations = 16 * (content.memoryReservations.length + 1);
      spans.push({
        start: header.offMemRsvmap,
        end: header.offMemRsvmap + reservations,
        part: 'reservations',
        selection: whole,
        label: 'memory reservation block',
      });
      spans.push({
        start: header.offDtStrings,
        end: header.stringsEnd,
        part: 'strings',
        selection: whole,
        label: 'strings block (property names)',
      });
    }
    const structEnd = header ? header.structEnd - 4 : fragment.bytes.length;
    nodeSpans(fragment.id, content.root, content.root.offset, Math.max(content.root.offset, structEnd), spans);
  }
  return fill(spans, fragment.bytes.length, whole);
}

/** Spans of `node` (range [start, end), its END_NODE included), its properties and children, in order. */
function nodeSpans(fragment: string, node: DecodedNode, start: number, end: number, out: OwnerSpan[]): void {
  const select: Selection = { kind: 'node', fragment, node: node.path };
  const label = `node ${node.path}`;
  let cursor = start;
  const mark = (to: number) => {
    if (to > cursor) out.push({ start: cursor, end: to, part: 'node', selection: select, label });
    cursor = Math.max(cursor, to);
  };
  // BEGIN_NODE token and the NUL-terminated name, padded to 4 bytes.
  mark(align4(node.offset + 4 + node.name.length + 1));
  const items = [
    ...node.properties.map((property) => ({ at: property.offset, property, child: undefined })),
    ...node.children.map((child) => ({ at: child.offset, property: undefined, child })),
  ].sort((a, b) => a.at - b.at);
  items.forEach((item, i) => {
    mark(item.at);
    if (item.property) {
      const to = align4(item.property.valueOffset + item.property.raw.length);
      out.push({
        start: Math.max(cursor, item.property.offset),
        end: to,
        part: 'property',
        selection: { kind: 'property', fragment, node: node.path, property: item.property.name },
        label: `property ${item.property.name} of ${node.path}`,
        valueStart: item.property.valueOffset,
      });
      cursor = Math.max(cursor, to);
    } else if (item.child) {
      // A child runs to the next item of its parent, or to the parent's END_NODE.
      const childEnd = i + 1 < items.length ? items[i + 1].at : end - 4;
      nodeSpans(fragment, item.child, Math.max(cursor, item.child.offset), Math.max(cursor, childEnd), out);
      cursor = Math.max(cursor, childEnd);
    }
  });
  mark(end);
}

/** Sorts the spans, cuts overlaps, and fills gaps (and the tail) with the fragment itself. */
function fill(spans: OwnerSpan[], length: number, whole: Selection): OwnerSpan[] {
  spans.sort((a, b) => a.start - b.start);
  const out: OwnerSpan[] = [];
  let cursor = 0;
  for (const span of spans) {
    const start = Math.max(span.start, cursor);
    const end = Math.min(span.end, length);
    if (start >= end) continue;
    if (start > cursor)
      out.push({ start: cursor, end: start, part: 'other', selection: whole, label: 'padding or unclaimed bytes' });
    out.push(start === span.start && end === span.end ? span : { ...span, start, end });
    cursor = end;
  }
  if (cursor < length)
    out.push({ start: cursor, end: length, part: 'other', selection: whole, label: 'unclaimed bytes' });
  return out;
}

function align4(offset: number): number {
  return (offset + 3) & ~3;
}

/** The span holding fragment offset `offset` (binary search), or undefined past the end. */
export function ownerAt(spans: readonly OwnerSpan[], offset: number): OwnerSpan | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return spans[mid];
  }
  return undefined;
}

/** `byteOwners` with a cache: owner spans are computed once per fragment (per graph). */
export function cachedByteOwners(): (fragment: Fragment) => OwnerSpan[] {
  const cache = new Map<string, OwnerSpan[]>();
  return (fragment) => {
    let spans = cache.get(fragment.id);
    if (!spans) {
      spans = byteOwners(fragment);
      cache.set(fragment.id, spans);
    }
    return spans;
  };
}
