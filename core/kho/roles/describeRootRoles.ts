import { hex } from '../../bytes/readers';
import type { KhoGraph } from '../model/KhoGraph';

/**
 * One line per root when the image holds more than one or a root's role is
 * not plain `outgoing`: its address, role and evidence
 * (`root 0x100000: incoming (map at 0x... preserves nothing ...; kexec #1)`).
 * Nothing for the common single outgoing root, whose output stays as it was.
 */
export function describeRootRoles(graph: KhoGraph): string[] {
  const roots = graph.roots.filter((root) => root.role);
  if (roots.length === 1 && roots[0].role?.role === 'outgoing' && graph.roots.length === 1) return [];
  return roots.map(
    (root) =>
      `root ${root.address === null ? root.fragment : hex(root.address)}: ${root.role?.role} (${root.role?.evidence.join('; ')})`,
  );
}
