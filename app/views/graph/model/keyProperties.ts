import { describeUser, formatValue, type Fragment } from '../../../../core/kho';
import type { KeyProperty } from './GraphScene';

/**
 * A few lines that say what a fragment holds without opening it: the known
 * user's one-line summary, then the FDT root node's own properties except
 * `compatible` (already in the meta line) and the properties that own links
 * (drawn as edges). At most `max` lines.
 */
export function keyProperties(fragment: Fragment, linkProperties: ReadonlySet<string>, max: number): KeyProperty[] {
  const lines: KeyProperty[] = [];
  const summary = fragment.user ? describeUser(fragment.user)[0] : undefined;
  if (summary) lines.push({ name: '', text: summary, selection: null });
  const content = fragment.content;
  if (content?.kind !== 'fdt') return lines.slice(0, max);
  for (const property of content.root.properties) {
    if (lines.length >= max) break;
    if (property.name === 'compatible' || linkProperties.has(`/\n${property.name}`)) continue;
    lines.push({
      name: property.name,
      text: shorten(formatValue(property.value, property.raw)),
      selection: { kind: 'property', fragment: fragment.id, node: '/', property: property.name },
    });
  }
  return lines;
}

/** Cards show one line per property: long values are cut long before the DOM would have to lay them out. */
const MAX_TEXT = 120;

function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
