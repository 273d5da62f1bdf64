/** What the layout needs to know about the trees. */
export interface ForestInput {
  roots: readonly string[];
  /** Children shown under `id` (none for a collapsed card). */
  children(id: string): readonly string[];
  height(id: string): number;
}

/** Spacing: columns `columnStep` apart, boxes of one column at least `gap` apart. */
export interface ForestSpacing {
  columnStep: number;
  gap: number;
}

/** Where every shown box is, in pre-order (parents before children, children in order). */
export interface ForestLayout {
  ids: string[];
  indexOf: ReadonlyMap<string, number>;
  /** Left edge (depth × column step). */
  x: Float64Array;
  /** Top edge. */
  y: Float64Array;
  height: Float64Array;
  depth: Int32Array;
  /** Index of the parent, -1 for a root. */
  parent: Int32Array;
  /** Top and bottom of everything laid out (x extent follows from the deepest column). */
  minY: number;
  maxY: number;
  maxDepth: number;
}

/**
 * The outline of a subtree, one [top, bottom] per level, relative to the
 * subtree's root box top plus `shift`. Stored deepest level first, so adding
 * a parent level is a push and merging two outlines costs only the shorter
 * one (the longer one is reused).
 */
interface Contour {
  top: number[];
  bottom: number[];
  shift: number;
}

/**
 * A tidy left-to-right layout for trees whose boxes have different heights:
 * one column per depth; in each column, boxes keep their tree order and are
 * at least `gap` apart; each parent is centred on the span of its children;
 * sibling subtrees are packed as close as their outlines allow, so a wide
 * subtree does not push its cousins further than needed. Several roots are
 * stacked the same way. Deterministic, iterative (no recursion, whatever
 * the depth), and about linear in the number of boxes.
 */
export function layoutForest(input: ForestInput, spacing: ForestSpacing): ForestLayout {
  // Pre-order walk: indices, depths, parents, children lists.
  const ids: string[] = [];
  const depthList: number[] = [];
  const parentList: number[] = [];
  const kids: number[][] = [];
  const stack: { id: string; depth: number; parent: number }[] = [];
  for (let i = input.roots.length - 1; i >= 0; i--) stack.push({ id: input.roots[i], depth: 0, parent: -1 });
  while (stack.length > 0) {
    const { id, depth, parent } = stack.pop()!;
    const index = ids.length;
    ids.push(id);
    depthList.push(depth);
    parentList.push(parent);
    kids.push([]);
    if (parent >= 0) kids[parent].push(index);
    const children = input.children(id);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ id: children[i], depth: depth + 1, parent: index });
  }
  const n = ids.length;
  const height = new Float64Array(n);
  for (let i = 0; i < n; i++) height[i] = input.height(ids[i]);

  // Children before parents: the reverse of pre-order.
  const offset = new Float64Array(n);
  const contours: (Contour | null)[] = new Array(n).fill(null);
  for (let i = n - 1; i >= 0; i--) {
    const children = kids[i];
    if (children.length === 0) {
      contours[i] = { top: [0], bottom: [height[i]], shift: 0 };
      continue;
    }
    const block = stackSubtrees(children, contours, offset, spacing.gap);
    const first = offset[children[0]];
    const last = children[children.length - 1];
    const parentTop = (first + offset[last] + height[last]) / 2 - height[i] / 2;
    for (const child of children) offset[child] -= parentTop;
    block.shift -= parentTop;
    block.top.push(0 - block.shift);
    block.bottom.push(height[i] - block.shift);
    contours[i] = block;
  }
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (parentList[i] < 0) roots.push(i);
  if (roots.length > 0) stackSubtrees(roots, contours, offset, spacing.gap);

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const depth = new Int32Array(depthList);
  const parent = new Int32Array(parentList);
  let minY = Infinity;
  let maxY = -Infinity;
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    y[i] = parent[i] < 0 ? offset[i] : y[parent[i]] + offset[i];
    x[i] = depth[i] * spacing.columnStep;
    minY = Math.min(minY, y[i]);
    maxY = Math.max(maxY, y[i] + height[i]);
    maxDepth = Math.max(maxDepth, depth[i]);
  }
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  return { ids, indexOf, x, y, height, depth, parent, minY: n > 0 ? minY : 0, maxY: n > 0 ? maxY : 0, maxDepth };
}

/**
 * Places sibling subtrees one below the other, each as high as the outlines
 * of those above allow, writing each one's offset (its root's top, relative
 * to the first sibling's top) into `offset`. Returns the merged outline.
 */
function stackSubtrees(
  siblings: readonly number[],
  contours: (Contour | null)[],
  offset: Float64Array,
  gap: number,
): Contour {
  let acc = contours[siblings[0]]!;
  contours[siblings[0]] = null;
  offset[siblings[0]] = 0;
  for (let s = 1; s < siblings.length; s++) {
    const next = contours[siblings[s]]!;
    contours[siblings[s]] = null;
    const la = acc.top.length;
    const ln = next.top.length;
    const common = Math.min(la, ln);
    // Smallest move of `next` that keeps every shared level `gap` below `acc`.
    let move = -Infinity;
    for (let level = 0; level < common; level++) {
      const needed = acc.bottom[la - 1 - level] + acc.shift + gap - (next.top[ln - 1 - level] + next.shift);
      if (needed > move) move = needed;
    }
    offset[siblings[s]] = move;
    next.shift += move;
    // Shared levels: the top stays with `acc` (above), the bottom comes from `next` (below).
    if (ln > la) {
      for (let level = 0; level < la; level++)
        next.top[ln - 1 - level] = acc.top[la - 1 - level] + acc.shift - next.shift;
      acc = next;
    } else {
      for (let level = 0; level < ln; level++)
        acc.bottom[la - 1 - level] = next.bottom[ln - 1 - level] + next.shift - acc.shift;
    }
  }
  return acc;
}
