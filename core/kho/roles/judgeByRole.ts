import { hex } from '../../bytes/readers';
import type { Diagnostic } from '../model/Diagnostic';
import type { KhoGraph, KhoRoot } from '../model/KhoGraph';
import { isConsumedRole, type RootRoleName } from '../model/RootRole';

/** Why a consumed root's problems are expected, by role. */
const WHY: Partial<Record<RootRoleName, string>> = {
  incoming: 'the incoming root, which this kernel consumed at boot (map zeroed, blobs freed)',
  stale: 'a stale root from an earlier hop, consumed long ago',
  consumed: 'a consumed root (map zeroed, blobs freed)',
};

/**
 * The graph's diagnostics as `check` judges them by default: problems of a
 * consumed root (incoming, stale) are expected, since the kernel that
 * received that tree zeroed its map and freed its blobs, so they become
 * notes that say so, and carry `expected` (the root, its role, the strict
 * severity) for viewers that label them; everything else is unchanged. Roles come from
 * classifyRootRoles. A diagnostic is a root's when it is about one of its
 * fragments or side structures, or about the root's own address.
 */
export function judgeByRole(graph: KhoGraph): Diagnostic[] {
  const byFragment = new Map<string, KhoRoot>();
  const rootById = new Map(graph.roots.filter((r) => r.fragment !== null).map((r) => [r.fragment as string, r]));
  for (const fragment of graph.fragments) {
    const root = rootById.get(fragment.root);
    if (root) byFragment.set(fragment.id, root);
  }
  const byStructure = new Map<string, KhoRoot>();
  for (const area of [...graph.vmallocAreas, ...graph.blockSets]) {
    const root = rootById.get(area.root);
    if (root) byStructure.set(area.id, root);
  }
  for (const root of graph.roots) {
    if (root.map) byStructure.set(`map:${hex(root.map.address)}`, root);
    if (root.anchorChain) byStructure.set(root.anchorChain.id, root);
  }
  return graph.diagnostics.map((diagnostic) => {
    const { location } = diagnostic;
    const root =
      (location.fragment !== undefined ? byFragment.get(location.fragment) : undefined) ??
      (location.structure !== undefined ? byStructure.get(location.structure) : undefined) ??
      graph.roots.find((r) => location.fragment === undefined && r.address !== null && r.address === location.address);
    const role = root?.role?.role;
    if (!root || !role || !isConsumedRole(role) || diagnostic.severity === 'info') return diagnostic;
    const name = root.address === null ? (root.fragment as string) : hex(root.address);
    const strictly = diagnostic.severity;
    return {
      ...diagnostic,
      severity: 'info',
      message: `expected in ${name}, ${WHY[role]}; strictly a${strictly === 'error' ? 'n error' : ' warning'}: ${diagnostic.message}`,
      expected: { root: name, role, strictly, original: diagnostic.message },
    };
  });
}
