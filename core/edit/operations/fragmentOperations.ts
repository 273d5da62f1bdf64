import { emptyFdtDocument, type FdtDocument, type FdtNode } from '../../fdt/FdtDocument';
import { childPath, parentPath, updateNode } from '../documentPaths';
import { EditError, nodePlace } from '../EditError';
import type { AddFragment, EditResult, InlineFragment, SplitNode } from '../EditOperation';
import { rootFragmentRoot, rootOf, type EditFragment, type EditState } from '../EditState';
import { pointerSlots, slotTarget } from '../pointerSlots';
import { reachableFragments } from '../reachableFragments';
import { deserializeNode, serializeNode } from '../SerializedNode';
import { editTarget, withDocument } from './editTarget';
import { linkSchemeFor, placeholderPointer, type LinkScheme } from './linkProperties';
import { checkNewChildName } from './nodeOperations';

/** Adds a child node that links to a new fragment holding the given tree. */
export function addFragment(state: EditState, op: AddFragment): EditResult<EditState> {
  const { node, document, fragment } = editTarget(state, op);
  const ownerPath = childPath(op.node, op.name);
  const where = nodePlace(op.fragment, ownerPath);
  checkNewChildName(node, op.name, where);
  const scheme = linkSchemeFor(rootOf(state, op.fragment), rootFragmentRoot(state, op.fragment) !== undefined, op.node);
  if (typeof scheme === 'string') throw new EditError(where, scheme);
  let tree: FdtNode;
  try {
    tree = { ...deserializeNode(op.tree), name: '' };
  } catch (error) {
    throw new EditError(where, (error as Error).message);
  }
  const id = `new-${state.nextFragment}`;
  const { value, pointers } = placeholderPointer(state, scheme, id, state.nextFragment);
  const owner: FdtNode = { name: op.name, properties: scheme.properties(value), children: [] };
  const next = updateNode(document, op.node, (n) => ({ ...n, children: [...n.children, owner] }));
  const created: EditFragment = {
    id,
    root: fragment.root,
    document: { ...emptyFdtDocument(), root: tree },
    format: 'fdt',
    original: null,
  };
  const withFragment = {
    ...state,
    pointers,
    nextFragment: state.nextFragment + 1,
    fragments: { ...state.fragments, [id]: created },
  };
  return {
    state: withDocument(withFragment, op.fragment, next),
    inverse: { op: 'remove-node', fragment: op.fragment, node: ownerPath },
  };
}

/**
 * Moves an in-place node out into its own fragment. Under a draft root any
 * node but a fragment's root can be split (a `kho,recursive-fdt` page list
 * takes its place). Under a mainline root only a root child without a
 * pointer can: it becomes a proper child blob (`fdt` / `preserved-data`);
 * deeper nodes cannot link in the mainline format.
 */
export function splitNode(state: EditState, op: SplitNode): EditResult<EditState> {
  const { node, document, fragment } = editTarget(state, op);
  const where = nodePlace(op.fragment, op.node);
  const root = rootOf(state, op.fragment);
  const content: FdtNode = { ...node, name: '' };
  let owner: FdtNode;
  let target: EditFragment;
  let next: EditState;
  if (op.into !== undefined) {
    // Undo of an inline puts back exactly what was there, wherever the inline took it from.
    const into = state.fragments[op.into];
    if (!into?.document || !op.owner)
      throw new EditError(
        where,
        `fragment ${op.into} to split into is not an FDT fragment, or no pointer node was given`,
      );
    owner = deserializeNode(op.owner);
    target = { ...into, document: { ...into.document, root: content } };
    next = state;
  } else {
    const scheme = splitScheme(state, op.fragment, op.node, where);
    const id = `new-${state.nextFragment}`;
    const { value, pointers } = placeholderPointer(state, scheme, id, state.nextFragment);
    owner = { name: node.name, properties: scheme.properties(value), children: [] };
    target = {
      id,
      root: fragment.root,
      document: { ...emptyFdtDocument(), root: content },
      format: 'fdt',
      original: null,
    };
    next = { ...state, pointers, nextFragment: state.nextFragment + 1 };
  }
  next = { ...next, fragments: { ...next.fragments, [target.id]: target } };
  const inverse: InlineFragment = { op: 'inline', fragment: op.fragment, node: op.node };
  if (root?.mainline) inverse.keepPointerless = true;
  return {
    state: withDocument(
      next,
      op.fragment,
      updateNode(document, op.node, () => owner),
    ),
    inverse,
  };
}

/**
 * How the pointer left by a split is written, refusing splits the format
 * cannot express: a fragment's root, a deep node under a mainline root, a
 * mainline root child that already points to a blob.
 */
function splitScheme(state: EditState, fragment: string, path: string, where: string): LinkScheme {
  if (path === '/') throw new EditError(where, "a fragment's root node is already a fragment of its own");
  const root = rootOf(state, fragment);
  const scheme = linkSchemeFor(root, rootFragmentRoot(state, fragment) !== undefined, parentPath(path));
  if (typeof scheme === 'string') throw new EditError(where, scheme);
  const document = state.fragments[fragment].document!;
  if (root?.mainline && pointerSlots(state, fragment, document).some((slot) => slot.node === path))
    throw new EditError(where, 'the node already points to a blob');
  return scheme;
}

/**
 * Takes the fragment a node links to back into that node. Refused when the
 * target is not a decoded FDT, is a root, is reached by another link too,
 * has memory reservations, or when the node holds more than its pointer;
 * under a mainline root it is refused too, since a root child without a
 * pointer is not something the kernel can hand over.
 */
export function inlineFragment(state: EditState, op: InlineFragment): EditResult<EditState> {
  const { node, document } = editTarget(state, op);
  const where = nodePlace(op.fragment, op.node);
  const slot = pointerSlots(state, op.fragment, document).find((s) => s.node === op.node);
  if (!slot) throw new EditError(where, 'the node does not link to a fragment');
  const target = slotTarget(state, slot);
  if (!target)
    throw new EditError(
      where,
      `its ${slot.property} was not followed when the image was decoded (see the diagnostics), so there is nothing to take in`,
    );
  const child = state.fragments[target.fragment];
  if (!child.document)
    throw new EditError(where, `it links to a ${child.format} blob, which is not an FDT and cannot become a node`);
  if (state.roots.some((root) => root.fragment === child.id))
    throw new EditError(where, `it links to ${child.id}, which is a KHO root of its own`);
  if (child.id === op.fragment) throw new EditError(where, 'it links to its own fragment');
  if (child.document.memoryReservations.length > 0)
    throw new EditError(where, `fragment ${child.id} has memory reservations, which a node cannot hold`);
  const extra =
    node.children.length > 0 ||
    node.properties.some(
      (property) => property.name !== slot.property && !(slot.blobSize && property.name === 'blob-size'),
    );
  if (extra)
    throw new EditError(
      where,
      'the node holds more than its link (other properties or children): move those away first',
    );
  if (rootOf(state, op.fragment)?.mainline && !op.keepPointerless) {
    throw new EditError(
      where,
      'under a mainline KHO root every child must point to a blob: an inlined child would be a node the kernel cannot hand over',
    );
  }
  const others = linksTo(state, child.id).filter((link) => !(link.fragment === op.fragment && link.node === op.node));
  if (others.length > 0)
    throw new EditError(
      where,
      `fragment ${child.id} is also linked from ${others.map((o) => nodePlace(o.fragment, o.node)).join(', ')}`,
    );
  const inlined: FdtNode = { ...child.document.root, name: node.name };
  const next = withDocument(
    state,
    op.fragment,
    updateNode(document, op.node, () => inlined),
  );
  return {
    state: next,
    inverse: { op: 'split', fragment: op.fragment, node: op.node, into: child.id, owner: serializeNode(node) },
  };
}

/** Every slot of a reachable fragment that leads to `fragmentId`. */
function linksTo(state: EditState, fragmentId: string): { fragment: string; node: string }[] {
  const found: { fragment: string; node: string }[] = [];
  for (const id of reachableFragments(state)) {
    const document: FdtDocument | null = state.fragments[id].document;
    if (!document) continue;
    for (const slot of pointerSlots(state, id, document))
      if (slotTarget(state, slot)?.fragment === fragmentId) found.push({ fragment: id, node: slot.node });
  }
  return found;
}
