import type { Selection } from '../model/Selection';
import type { GraphIndex } from './GraphIndex';

/** True when a selection names something in this graph (a selection from the URL may not). */
export function selectionExists(index: GraphIndex, selection: Selection): boolean {
  switch (selection.kind) {
    case 'fragment':
      return index.fragment(selection.fragment) !== undefined;
    case 'node':
      return index.node(selection.fragment, selection.node) !== undefined;
    case 'property':
      return index.valueItem(selection.fragment, selection.node, selection.property) !== undefined;
    case 'link':
      return index.link(selection.link) !== undefined;
    case 'diagnostic':
      return (
        Number.isInteger(selection.index) && selection.index >= 0 && selection.index < index.graph.diagnostics.length
      );
    case 'memory':
      return (
        Number.isSafeInteger(selection.address) &&
        selection.address >= 0 &&
        Number.isSafeInteger(selection.length) &&
        selection.length > 0
      );
  }
}
