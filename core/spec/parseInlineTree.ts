import type { FdtNode } from '../fdt/FdtDocument';
import { EditError } from '../edit/EditError';
import { parsePropertyValue } from '../edit/values/parsePropertyValue';
import type { JsonField } from './JsonField';

/**
 * A node written inline in a spec: `{"properties": {"name": "<DTS value>"},
 * "children": {"name": {...}}}`. Values use the same syntax as
 * `khoscope edit --set` (DTS values, or `u64le:0x…`). Property and child
 * order is the JSON key order, so names that look like integers (which
 * JavaScript objects put first) are refused: use a DTS file for those.
 */
export function parseInlineTree(field: JsonField, name = ''): FdtNode {
  field.onlyKeys('properties', 'children');
  const properties = field.get('properties').missing ? [] : field.get('properties').entries();
  const children = field.get('children').missing ? [] : field.get('children').entries();
  for (const [key, item] of [...properties, ...children]) {
    if (/^(0|[1-9][0-9]*)$/.test(key))
      throw item.error(
        'a name that looks like an integer loses its place in a JSON object: write this tree as a DTS file',
      );
  }
  return {
    name,
    properties: properties.map(([key, item]) => {
      try {
        return { name: key, value: parsePropertyValue(item.string()) };
      } catch (error) {
        if (error instanceof EditError) throw item.error(error.reason);
        throw error;
      }
    }),
    children: children.map(([key, item]) => parseInlineTree(item, key)),
  };
}
