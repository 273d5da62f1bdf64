import type { Selection } from '../model/Selection';

/**
 * A string naming a selection, equal for equal selections: a map key for
 * "which outline row / which diagnostics belong here", and the test for
 * "is this the same thing" (history, highlighting). Parts are joined with
 * NUL, which no id, path or name contains.
 */
export function selectionKey(selection: Selection): string {
  switch (selection.kind) {
    case 'fragment':
      return `f\0${selection.fragment}`;
    case 'node':
      return `n\0${selection.fragment}\0${selection.node}`;
    case 'property':
      return `p\0${selection.fragment}\0${selection.node}\0${selection.property}`;
    case 'link':
      return `l\0${selection.link}`;
    case 'diagnostic':
      return `d\0${selection.index}`;
    case 'memory':
      return `m\0${selection.address}\0${selection.length}`;
  }
}

/** True when both name the same thing (null equals only null). */
export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (a === null || b === null) return a === b;
  return selectionKey(a) === selectionKey(b);
}
