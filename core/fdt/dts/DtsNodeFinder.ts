import { DtsError } from './DtsError';
import type { DtsPosition } from './DtsError';
import type { DtsSourceNode } from './DtsSourceTree';

/**
 * Finds the node a reference names, with dtc's rules (`get_node_by_ref`):
 * `/` is the root; `/a/b` walks live children by exact name (repeated `/` are
 * skipped); anything else is a label, and the node is the first live one in
 * tree order that carries it. Every node visited counts against a step
 * budget (`maxLookupSteps`), so a text full of references cannot run for long.
 */
export class DtsNodeFinder {
  readonly #root: DtsSourceNode;
  #stepsLeft: number;
  readonly #maxSteps: number;
  #labels: Map<string, DtsSourceNode> | undefined;

  constructor(root: DtsSourceNode, maxSteps: number) {
    this.#root = root;
    this.#maxSteps = maxSteps;
    this.#stepsLeft = maxSteps;
  }

  /** Call after changing the tree: labels are indexed again on the next lookup. */
  invalidate(): void {
    this.#labels = undefined;
  }

  /** The node `ref` (a label or a path starting with `/`) names, if any; `at` is the reference, for a budget error. */
  find(ref: string, at: DtsPosition): DtsSourceNode | undefined {
    if (ref === '/') return this.#root;
    if (ref.startsWith('/')) return this.#findByPath(ref, at);
    return this.#labelIndex(at).get(ref);
  }

  #spend(steps: number, at: DtsPosition): void {
    this.#stepsLeft -= steps;
    if (this.#stepsLeft < 0) {
      throw new DtsError(at, `resolving references took more than ${this.#maxSteps} steps (maxLookupSteps)`);
    }
  }

  /**
   * dtc's `get_node_by_path`, step for step: leading slashes of what is left
   * are skipped, then the first live child of the next name is taken; an empty
   * rest right after a separator means the node reached (so `/a/` is `/a`,
   * while `//` and `/a//` name nothing).
   */
  #findByPath(path: string, at: DtsPosition): DtsSourceNode | undefined {
    let node = this.#root;
    let rest = path;
    for (;;) {
      if (rest === '') return node.deleted ? undefined : node;
      rest = rest.replace(/^\/+/, '');
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      this.#spend(node.children.length, at);
      const child = node.children.find((candidate) => !candidate.deleted && candidate.name === name);
      if (!child || slash < 0) return child;
      node = child;
      rest = rest.slice(slash + 1);
    }
  }

  /** Label → first node in tree order with that live label, walking live nodes only. */
  #labelIndex(at: DtsPosition): Map<string, DtsSourceNode> {
    if (this.#labels) return this.#labels;
    const labels = new Map<string, DtsSourceNode>();
    const stack: DtsSourceNode[] = [this.#root];
    while (stack.length > 0) {
      const node = stack.pop() as DtsSourceNode;
      this.#spend(1, at);
      for (const label of node.labels) {
        if (!label.deleted && !labels.has(label.name)) labels.set(label.name, node);
      }
      for (let i = node.children.length - 1; i >= 0; i--) {
        if (!node.children[i].deleted) stack.push(node.children[i]);
      }
    }
    this.#labels = labels;
    return labels;
  }
}
