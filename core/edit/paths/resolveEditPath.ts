import { childPath, findNode, pathNames } from '../documentPaths';
import { EditError } from '../EditError';
import type { NodeRef } from '../EditOperation';
import type { EditState } from '../EditState';
import { pointerSlots, slotTarget } from '../pointerSlots';

/** What a user path names: the node itself, and where its content is. */
export interface ResolvedPath {
  /** The node the path ends at (for a link owner, the owner node in its parent's fragment). */
  owner: NodeRef;
  /** The linked fragment's root when the owner links to an FDT fragment; else the owner itself. */
  content: NodeRef;
}

/**
 * Resolves a path written from the top of the KHO tree, crossing links the
 * way the tree is drawn: after a node that links to a fragment, the next
 * name is looked up among that node's own children first, then among the
 * linked fragment's root children. So `/gpu@0x100000000/node1/key5` is node
 * `node1` inside the fragment `gpu@0x100000000` links to, and so on down.
 *
 * The path starts at the first root's fragment, or at the fragment named in
 * braces: `{0x40002000}/node1`. Throws `EditError` naming the first name that
 * does not exist.
 */
export function resolveEditPath(state: EditState, path: string): ResolvedPath {
  const match = /^(?:\{([^}]+)\})?(\/.*)$/.exec(path);
  const names = match ? pathNames(match[2]) : undefined;
  if (!match || !names)
    throw new EditError(path, 'a path starts with / (optionally after {fragment}) and has no empty names');
  const start = match[1] ?? state.roots[0]?.fragment;
  if (start === undefined) throw new EditError(path, 'the image has no decoded KHO root to start from');
  if (!state.fragments[start]?.document) throw new EditError(path, `fragment ${start} is not a decoded FDT fragment`);
  let at: NodeRef = { fragment: start, node: '/' };
  for (const [i, name] of names.entries()) {
    const document = state.fragments[at.fragment].document!;
    if (findNode(document, childPath(at.node, name))) {
      at = { fragment: at.fragment, node: childPath(at.node, name) };
      continue;
    }
    const linked = linkedRoot(state, at);
    if (linked && findNode(state.fragments[linked.fragment].document!, childPath('/', name))) {
      at = { fragment: linked.fragment, node: childPath('/', name) };
      continue;
    }
    const reached = `/${names.slice(0, i).join('/')}`;
    throw new EditError(
      path,
      `${reached} has no child named ${name}${linked ? ` (nor has the fragment ${linked.fragment} it links to)` : ''}`,
    );
  }
  return { owner: at, content: linkedRoot(state, at) ?? at };
}

/** The root of the FDT fragment `ref` links to, if it is a link owner with a decoded FDT target. */
function linkedRoot(state: EditState, ref: NodeRef): NodeRef | undefined {
  const document = state.fragments[ref.fragment].document;
  if (!document) return undefined;
  const slot = pointerSlots(state, ref.fragment, document).find((s) => s.node === ref.node);
  const target = slot && slotTarget(state, slot);
  return target && state.fragments[target.fragment]?.document ? { fragment: target.fragment, node: '/' } : undefined;
}
