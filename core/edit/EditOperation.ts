import type { ByteOrder } from '../bytes/ByteOrder';
import type { SerializedNode } from './SerializedNode';

/**
 * One edit, as plain JSON (values are hex strings), so a log of operations
 * can be stored, sent to a worker or replayed. Every operation names a node
 * by the fragment holding it and its path inside that fragment's tree; user
 * paths that cross links are resolved to this form first
 * (`resolveEditPath`). See docs/editing.md for what each one does and refuses.
 */
export type EditOperation =
  | SetProperty
  | AddProperty
  | RemoveProperty
  | RenameProperty
  | AddNode
  | InsertNode
  | RemoveNode
  | RenameNode
  | AddFragment
  | SplitNode
  | InlineFragment
  | SetPageOrder;

/** A node of a fragment. */
export interface NodeRef {
  fragment: string;
  /** Path inside the fragment's tree (`/` for its root). */
  node: string;
}

/** Changes the value of an existing property. */
export interface SetProperty extends NodeRef {
  op: 'set-property';
  name: string;
  value: string;
}

/** Adds a property that the node does not have yet, at `index` (default: last). */
export interface AddProperty extends NodeRef {
  op: 'add-property';
  name: string;
  value: string;
  index?: number;
}

/** Removes a property. */
export interface RemoveProperty extends NodeRef {
  op: 'remove-property';
  name: string;
}

/** Renames a property, keeping its place and value. */
export interface RenameProperty extends NodeRef {
  op: 'rename-property';
  name: string;
  to: string;
}

/** Adds an empty child named `name` under the node, at `index` (default: last). */
export interface AddNode extends NodeRef {
  op: 'add-node';
  name: string;
  index?: number;
}

/** Puts a whole subtree back under the node at `index` (the undo of remove-node; its links come back with it). */
export interface InsertNode extends NodeRef {
  op: 'insert-node';
  index: number;
  subtree: SerializedNode;
}

/** Removes the node and everything below it; fragments only it linked to are dropped at export. */
export interface RemoveNode extends NodeRef {
  op: 'remove-node';
}

/** Renames the node (its links move with it). */
export interface RenameNode extends NodeRef {
  op: 'rename-node';
  to: string;
}

/**
 * Adds a child named `name` under the node that links to a new fragment
 * holding `tree`: a `kho,recursive-fdt` page list under a draft root, `fdt`
 * or `preserved-data` (+ `blob-size` from kho-v3) on a root child of a
 * mainline root.
 */
export interface AddFragment extends NodeRef {
  op: 'add-fragment';
  name: string;
  tree: SerializedNode;
}

/**
 * Moves an in-place node out into its own fragment, leaving a pointer in its
 * place. `into` and `owner` are set only by undo of `inline`: they put back
 * the fragment the inline took in and the exact pointer node it replaced.
 */
export interface SplitNode extends NodeRef {
  op: 'split';
  into?: string;
  owner?: SerializedNode;
}

/**
 * Takes the fragment a node links to back into that node. `keepPointerless`
 * is set only by undo of a split under a mainline root, which must restore a
 * root child without a pointer (a tree the kernel cannot hand over).
 */
export interface InlineFragment extends NodeRef {
  op: 'inline';
  keepPointerless?: boolean;
}

/** Writes a draft page list's addresses in the other byte order. */
export interface SetPageOrder extends NodeRef {
  op: 'set-page-order';
  order: ByteOrder;
}

/** The state after an operation and the operation that undoes it. */
export interface EditResult<S> {
  state: S;
  inverse: EditOperation;
}
