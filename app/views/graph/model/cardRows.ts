import { type DecodedNode, formatValue, type Fragment } from '../../../../core/kho';
import type { CardRow } from './GraphScene';
import { rowKey, type DiagnosticBadges } from './diagnosticBadges';

/** A row before the cut, with the index of its parent row (for keeping ancestors of kept rows). */
interface Candidate {
  row: CardRow;
  parent: number;
}

/**
 * The rows of a fragment's card: its in-place nodes in tree order (FDT) or
 * its fields (raw struct), plus a row for every place a link starts or a
 * diagnostic points at that the content does not list (a nested raw field
 * such as `sessions[0].files[0].data`). Beyond `maxRows`, rows that own a
 * link or carry a badge are kept with their ancestors, then the first of
 * the others; the rest are counted in `hidden`.
 */
export function cardRows(
  fragment: Fragment,
  linksByRow: ReadonlyMap<string, number>,
  problemRows: ReadonlySet<string>,
  badges: DiagnosticBadges,
  maxRows: number,
): { rows: CardRow[]; hidden: number } {
  const candidates = contentRows(fragment, linksByRow, badges);
  const listed = new Set(candidates.map((candidate) => candidate.row.key));
  for (const key of [...linksByRow.keys(), ...problemRows]) {
    if (listed.has(key)) continue;
    listed.add(key);
    candidates.push({ row: extraRow(fragment.id, key, linksByRow, badges), parent: -1 });
  }
  if (candidates.length <= maxRows) return { rows: candidates.map((candidate) => candidate.row), hidden: 0 };
  const keep = new Uint8Array(candidates.length);
  let kept = 0;
  candidates.forEach((candidate, index) => {
    if (candidate.row.links === 0 && candidate.row.badge === undefined) return;
    for (let at = index; at >= 0 && !keep[at]; at = candidates[at].parent) {
      keep[at] = 1;
      kept++;
    }
  });
  for (let index = 0; index < candidates.length && kept < maxRows; index++) {
    if (!keep[index]) {
      keep[index] = 1;
      kept++;
    }
  }
  return {
    rows: candidates.filter((_, index) => keep[index]).map((candidate) => candidate.row),
    hidden: candidates.length - kept,
  };
}

function contentRows(
  fragment: Fragment,
  linksByRow: ReadonlyMap<string, number>,
  badges: DiagnosticBadges,
): Candidate[] {
  const content = fragment.content;
  if (content === null) return [];
  const rows: Candidate[] = [];
  if (content.kind === 'raw') {
    for (const field of content.fields) {
      const key = rowKey(undefined, field.path)!;
      const detail = formatValue(field.value, fragment.bytes.subarray(field.offset, field.offset + field.size));
      rows.push({ row: { ...fieldRow(fragment.id, key, field.path, linksByRow, badges), detail }, parent: -1 });
    }
    return rows;
  }
  // Iterative walk: node depth is bounded by the decoder, but a deep tree must not cost stack.
  const stack: { node: DecodedNode; depth: number; parent: number }[] = [{ node: content.root, depth: 0, parent: -1 }];
  while (stack.length > 0) {
    const { node, depth, parent } = stack.pop()!;
    const index = rows.length;
    rows.push({
      row: {
        key: node.path,
        label: node.name === '' ? '/' : node.name,
        detail: null,
        depth,
        selection: { kind: 'node', fragment: fragment.id, node: node.path },
        links: linksByRow.get(node.path) ?? 0,
        badge: badges.row(fragment.id, node.path),
      },
      parent,
    });
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i], depth: depth + 1, parent: index });
  }
  return rows;
}

function fieldRow(
  fragment: string,
  key: string,
  path: string,
  linksByRow: ReadonlyMap<string, number>,
  badges: DiagnosticBadges,
): CardRow {
  return {
    key,
    label: path,
    detail: null,
    depth: 0,
    selection: { kind: 'property', fragment, node: '', property: path },
    links: linksByRow.get(key) ?? 0,
    badge: badges.row(fragment, key),
  };
}

/** A row for a place the content does not list: a raw field path (`field:` key) or a node path. */
function extraRow(
  fragment: string,
  key: string,
  linksByRow: ReadonlyMap<string, number>,
  badges: DiagnosticBadges,
): CardRow {
  if (key.startsWith('field:')) return fieldRow(fragment, key, key.slice('field:'.length), linksByRow, badges);
  return {
    key,
    label: key,
    detail: null,
    depth: 1,
    selection: { kind: 'node', fragment, node: key },
    links: linksByRow.get(key) ?? 0,
    badge: badges.row(fragment, key),
  };
}
