import type { Fragment } from './model/Fragment';
import type { KhoGraph } from './model/KhoGraph';
import type { Link } from './model/Link';

/**
 * Walks the links below `root` depth first, in the graph's link order: calls
 * `visit` for every followed link (one place in the tree), with the value its
 * owner got, and descends into each target fragment the first time it is
 * reached only, so a fragment reached twice is seen at both places but a
 * cycle ends. `visit` returns the value the target's own links get.
 * Links whose target is missing are skipped.
 */
export function walkLinkTree<T>(
  graph: KhoGraph,
  root: Fragment,
  rootValue: T,
  visit: (link: Link, target: Fragment, ownerValue: T, firstVisit: boolean) => T,
): void {
  const fragments = new Map(graph.fragments.map((fragment) => [fragment.id, fragment]));
  const linksFrom = new Map<string, Link[]>();
  for (const link of graph.links) {
    const list = linksFrom.get(link.from.fragment);
    if (list) list.push(link);
    else linksFrom.set(link.from.fragment, [link]);
  }
  const visited = new Set<string>([root.id]);
  const walk = (owner: Fragment, ownerValue: T) => {
    for (const link of linksFrom.get(owner.id) ?? []) {
      const target = link.to === null ? undefined : fragments.get(link.to);
      if (!target) continue;
      const firstVisit = !visited.has(target.id);
      visited.add(target.id);
      const value = visit(link, target, ownerValue, firstVisit);
      if (firstVisit) walk(target, value);
    }
  };
  walk(root, rootValue);
}
