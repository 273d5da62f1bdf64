import type { DtsPosition } from './DtsError';
import type { DtsSourceValue } from './DtsSourceValue';

/**
 * The tree the DTS parser builds, with dtc's own bookkeeping (livetree.c):
 * deleting marks things deleted instead of removing them, because dtc brings
 * a deleted node or property back in its old place when a later block
 * defines it again, and finds it by name even while deleted.
 */

/** A label on a node or property; a deleted node's labels are deleted with it and revived by a new definition. */
export interface DtsSourceLabel {
  name: string;
  deleted: boolean;
}

/** One property definition (or `/delete-property/` marker). */
export interface DtsSourceProperty {
  name: string;
  value: DtsSourceValue;
  labels: DtsSourceLabel[];
  deleted: boolean;
  at: DtsPosition;
}

/**
 * Adds a label the way dtc's `add_label` does: a label already in the list
 * is revived where it is; a new one goes to the front (so dtc writes labels
 * added later first).
 */
export function addSourceLabel(labels: DtsSourceLabel[], name: string): void {
  const existing = labels.find((label) => label.name === name);
  if (existing) existing.deleted = false;
  else labels.unshift({ name, deleted: false });
}

/** The names of the labels that are not deleted, in list order. */
export function liveLabelNames(labels: readonly DtsSourceLabel[]): string[] {
  return labels.filter((label) => !label.deleted).map((label) => label.name);
}

/** One node of the parsed tree. */
export class DtsSourceNode {
  readonly name: string;
  readonly at: DtsPosition;
  readonly properties: DtsSourceProperty[] = [];
  readonly children: DtsSourceNode[] = [];
  readonly labels: DtsSourceLabel[] = [];
  parent: DtsSourceNode | undefined;
  deleted = false;
  /** `/omit-if-no-ref/`: dropped at the end unless something references it. */
  omitIfUnreferenced = false;
  /** Set when a phandle or path reference resolves to this node. */
  referenced = false;
  /** The node's phandle once known (0: none yet). */
  phandle = 0;
  // First property / child of each name, deleted or not: the one dtc's
  // merge finds. Entries are only ever appended, so the first never changes.
  readonly #firstProperty = new Map<string, DtsSourceProperty>();
  readonly #firstChild = new Map<string, DtsSourceNode>();

  constructor(name: string, at: DtsPosition) {
    this.name = name;
    this.at = at;
  }

  /** Appends a property. */
  addProperty(property: DtsSourceProperty): void {
    this.properties.push(property);
    if (!this.#firstProperty.has(property.name)) this.#firstProperty.set(property.name, property);
  }

  /** Appends a child node. */
  addChild(child: DtsSourceNode): void {
    child.parent = this;
    this.children.push(child);
    if (!this.#firstChild.has(child.name)) this.#firstChild.set(child.name, child);
  }

  /** Removes a property outright (dtc drops a redundant `name` property this way). */
  removeProperty(property: DtsSourceProperty): void {
    const index = this.properties.indexOf(property);
    if (index >= 0) this.properties.splice(index, 1);
    if (this.#firstProperty.get(property.name) === property) {
      const next = this.properties.find((other) => other.name === property.name);
      if (next) this.#firstProperty.set(property.name, next);
      else this.#firstProperty.delete(property.name);
    }
  }

  /** The first live property of that name (dtc's `get_property`). */
  liveProperty(name: string): DtsSourceProperty | undefined {
    const first = this.#firstProperty.get(name);
    if (!first) return undefined;
    if (!first.deleted) return first;
    return this.properties.find((property) => property.name === name && !property.deleted);
  }

  /** The first property of that name, deleted or not. */
  firstProperty(name: string): DtsSourceProperty | undefined {
    return this.#firstProperty.get(name);
  }

  /** The properties that are not deleted. */
  liveProperties(): DtsSourceProperty[] {
    return this.properties.filter((property) => !property.deleted);
  }

  /** The children that are not deleted. */
  liveChildren(): DtsSourceNode[] {
    return this.children.filter((child) => !child.deleted);
  }

  /** Depth below the root (the root is 0). */
  depth(): number {
    let depth = 0;
    for (let node = this.parent; node; node = node.parent) depth++;
    return depth;
  }

  /** dtc's full path: `/` for the root, `/a/b@1` below it. */
  fullPath(): string {
    const names: string[] = [];
    for (let node: DtsSourceNode | undefined = this; node?.parent; node = node.parent) names.unshift(node.name);
    return `/${names.join('/')}`;
  }

  /** The name up to any `@` (dtc's base name). */
  baseName(): string {
    const at = this.name.indexOf('@');
    return at < 0 ? this.name : this.name.slice(0, at);
  }

  /** dtc's `delete_node`: marks the node, its live subtree, properties and labels deleted. */
  markDeleted(): void {
    this.deleted = true;
    for (const child of this.liveChildren()) child.markDeleted();
    for (const property of this.liveProperties()) markPropertyDeleted(property);
    for (const label of this.labels) label.deleted = true;
  }

  /**
   * dtc's `merge_nodes`: folds a newly parsed definition into this node. The
   * node comes back if deleted; new labels are added; a property of a known
   * name (even a deleted one) takes the new value in its old place, others
   * are appended; `/delete-property/` and `/delete-node/` markers delete by
   * name; a child of a known name is merged the same way, others appended.
   */
  merge(definition: DtsSourceNode): void {
    this.deleted = false;
    for (const label of definition.labels) addSourceLabel(this.labels, label.name);
    for (const property of definition.properties) {
      const old = this.#firstProperty.get(property.name);
      if (property.deleted) {
        if (old) markPropertyDeleted(old);
      } else if (old) {
        for (const label of property.labels) addSourceLabel(old.labels, label.name);
        old.value = property.value;
        old.deleted = false;
      } else {
        this.addProperty(property);
      }
    }
    for (const child of definition.children) {
      const old = this.#firstChild.get(child.name);
      if (child.deleted) {
        old?.markDeleted();
      } else if (old) {
        old.merge(child);
      } else {
        this.addChild(child);
      }
    }
  }
}

function markPropertyDeleted(property: DtsSourceProperty): void {
  property.deleted = true;
  for (const label of property.labels) label.deleted = true;
}

/** The live nodes under and including `root`, in tree order (a snapshot: later changes do not show). */
export function liveNodesInOrder(root: DtsSourceNode): DtsSourceNode[] {
  const nodes: DtsSourceNode[] = [];
  const stack: DtsSourceNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DtsSourceNode;
    nodes.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) if (!node.children[i].deleted) stack.push(node.children[i]);
  }
  return nodes;
}
