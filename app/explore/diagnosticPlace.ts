import { type Diagnostic, locationExtents } from '../../core/kho';
import type { Selection } from '../model/Selection';
import type { GraphIndex } from './GraphIndex';

/**
 * The most precise existing thing a diagnostic is about, as a selection: the
 * property or raw field (or the link whose pointer it is), else the node,
 * else the fragment; for a side structure its owner; for a bare address the
 * fragment holding it, else those bytes of memory. Null when it names no
 * place at all (a remark about the whole image).
 */
export function diagnosticPlace(index: GraphIndex, diagnostic: Diagnostic): Selection | null {
  const { fragment, node, property, structure, address } = diagnostic.location;
  if (fragment !== undefined && index.fragment(fragment)) return placeIn(index, fragment, node, property);
  if (structure !== undefined) {
    const owner = index.structureOwner(structure);
    if (owner) return placeIn(index, owner.fragment, owner.node, owner.property);
  }
  if (address !== undefined) {
    const holder = index.graph.fragments.find((entry) =>
      locationExtents(entry.location).some((extent) => extent.start <= address && address < extent.end),
    );
    return holder ? { kind: 'fragment', fragment: holder.id } : { kind: 'memory', address, length: 1 };
  }
  return null;
}

function placeIn(
  index: GraphIndex,
  fragment: string,
  node: string | undefined,
  property: string | undefined,
): Selection {
  const isRaw = index.fragment(fragment)?.content?.kind === 'raw';
  // Raw fields are named with node '' (a diagnostic may leave the node out).
  const nodePath = node ?? (isRaw ? '' : '/');
  if (property) {
    if (index.valueItem(fragment, nodePath, property)) return { kind: 'property', fragment, node: nodePath, property };
    const link = index.linkAt(fragment, nodePath, property);
    if (link) return { kind: 'link', link: link.id };
  }
  if (node && node !== '/' && index.node(fragment, node)) return { kind: 'node', fragment, node };
  return { kind: 'fragment', fragment };
}
