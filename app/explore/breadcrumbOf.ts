import { formatHex } from '../format/formatHex';
import type { Selection } from '../model/Selection';
import type { GraphIndex } from './GraphIndex';
import { rootLabel } from './rootLabel';

/** One step of the breadcrumb: what it shows and what clicking it selects. */
export interface Crumb {
  label: string;
  selection: Selection;
}

/**
 * The path to a selection, outermost first: the root, the fragment, each
 * node of the path, the property; a link adds where it leads; memory and
 * diagnostics are one step.
 */
export function breadcrumbOf(index: GraphIndex, selection: Selection): Crumb[] {
  switch (selection.kind) {
    case 'fragment':
      return fragmentCrumbs(index, selection.fragment);
    case 'node':
      return [...fragmentCrumbs(index, selection.fragment), ...nodeCrumbs(selection.fragment, selection.node)];
    case 'property': {
      const crumbs = [...fragmentCrumbs(index, selection.fragment), ...nodeCrumbs(selection.fragment, selection.node)];
      return [...crumbs, { label: selection.property, selection }];
    }
    case 'link': {
      const link = index.link(selection.link);
      if (!link) return [{ label: selection.link, selection }];
      const { fragment, node, property } = link.from;
      const crumbs = [...fragmentCrumbs(index, fragment), ...nodeCrumbs(fragment, node)];
      if (property)
        crumbs.push({
          label: property,
          selection: index.valueItem(fragment, node, property)
            ? { kind: 'property', fragment, node, property }
            : selection,
        });
      crumbs.push({
        label: link.to === null ? '→ not followed' : `→ ${link.to}`,
        selection: link.to === null ? selection : { kind: 'fragment', fragment: link.to },
      });
      return crumbs;
    }
    case 'memory':
      return [{ label: `memory ${formatHex(selection.address)}`, selection }];
    case 'diagnostic':
      return [{ label: `diagnostic ${selection.index + 1}`, selection }];
  }
}

/** The root's crumb, then the fragment's; a root's own fragment is one crumb, named as the root. */
function fragmentCrumbs(index: GraphIndex, fragment: string): Crumb[] {
  const own = index.rootAt(fragment);
  if (own) return [{ label: rootLabel(index.graph, own).name, selection: { kind: 'fragment', fragment } }];
  const crumbs: Crumb[] = [];
  const rootId = index.fragment(fragment)?.root;
  const root = rootId !== undefined ? index.rootAt(rootId) : undefined;
  if (root && rootId !== undefined)
    crumbs.push({ label: rootLabel(index.graph, root).name, selection: { kind: 'fragment', fragment: rootId } });
  crumbs.push({ label: fragment, selection: { kind: 'fragment', fragment } });
  return crumbs;
}

/** `/gpu@0x100000000/node2` → gpu@0x100000000 › node2 (the root node `/` is the fragment itself). */
function nodeCrumbs(fragment: string, path: string): Crumb[] {
  const parts = path.split('/').filter((part) => part !== '');
  return parts.map((part, i) => ({
    label: part,
    selection: { kind: 'node', fragment, node: `/${parts.slice(0, i + 1).join('/')}` },
  }));
}
