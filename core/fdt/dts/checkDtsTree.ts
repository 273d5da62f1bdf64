import { nodeNameProblem, propertyNameProblem } from '../dtcNameRules';
import { DtsError } from './DtsError';
import type { DtsPosition } from './DtsError';
import type { DtsNodeFinder } from './DtsNodeFinder';
import { liveNodesInOrder } from './DtsSourceTree';
import type { DtsSourceNode, DtsSourceProperty } from './DtsSourceTree';
import { sourceValueBytes } from './DtsSourceValue';

/**
 * The checks dtc 1.6.1 treats as errors (and so refuses to write a blob),
 * run in dtc's order on the parsed tree before references are resolved:
 * duplicate node and property names, characters in names, more than one `@`
 * in a node name, a `name` property that is not the node's base name (one
 * that is gets dropped, as dtc drops it), duplicate labels, and bad explicit
 * `phandle` / `linux,phandle` values. Sets each node's explicit phandle and
 * records it in `phandles`. dtc's warnings (cell sizes, unit addresses, ...)
 * are not errors and are not checked.
 *
 * With `mode.force` (dtc -f) every one of those errors but duplicate labels
 * is handed to `mode.onForced` instead of thrown, and the tree is left as
 * written: nothing dropped (not even a `name` property equal to the node's
 * name), a bad or duplicated explicit phandle not taken as the node's.
 */
export function checkDtsTree(
  root: DtsSourceNode,
  finder: DtsNodeFinder,
  phandles: Map<number, DtsSourceNode>,
  mode: DtsCheckMode = { force: false },
): void {
  const nodes = liveNodesInOrder(root);
  for (const node of nodes) checkDuplicateChildren(node, mode);
  for (const node of nodes) checkDuplicateProperties(node, mode);
  for (const node of nodes) checkNames(node, mode);
  for (const node of nodes) checkNameProperty(node, mode);
  checkDuplicateLabels(nodes);
  for (const node of nodes) checkExplicitPhandles(node, finder, phandles, mode);
}

/** Whether the checks refuse the tree (throw) or, like `dtc -f`, report and keep it. */
export interface DtsCheckMode {
  force: boolean;
  onForced?: (problem: DtsError) => void;
}

/** Throws `problem`, or under `force` reports it and lets the caller go on. */
function refuse(mode: DtsCheckMode, problem: DtsError): void {
  if (!mode.force) throw problem;
  mode.onForced?.(problem);
}

/**
 * Two children of one name. As in dtc, a live child clashes with any later
 * sibling of its name, even a deleted one (`/delete-node/` in the same block).
 */
function checkDuplicateChildren(node: DtsSourceNode, mode: DtsCheckMode): void {
  const later = new Map<string, DtsSourceNode>();
  const clashes: DtsSourceNode[] = [];
  for (let i = node.children.length - 1; i >= 0; i--) {
    const child = node.children[i];
    const sibling = later.get(child.name);
    if (sibling && !child.deleted) clashes.push(sibling);
    later.set(child.name, child);
  }
  const clash = clashes.pop();
  if (clash) refuse(mode, new DtsError(clash.at, `duplicate node name: ${clash.fullPath()} is defined twice`));
}

function checkDuplicateProperties(node: DtsSourceNode, mode: DtsCheckMode): void {
  const first = new Map<string, DtsSourceProperty>();
  for (const property of node.liveProperties()) {
    const earlier = first.get(property.name);
    if (earlier) {
      refuse(
        mode,
        new DtsError(earlier.at, `duplicate property name: '${property.name}' is defined twice in ${node.fullPath()}`),
      );
      return;
    }
    first.set(property.name, property);
  }
}

function checkNames(node: DtsSourceNode, mode: DtsCheckMode): void {
  const nodeProblem = node.parent ? nodeNameProblem(node.name) : undefined;
  if (nodeProblem) refuse(mode, new DtsError(node.at, `${nodeProblem} (${node.fullPath()})`));
  for (const property of node.liveProperties()) {
    const problem = propertyNameProblem(property.name);
    if (problem) refuse(mode, new DtsError(property.at, `${problem} (in ${node.fullPath()})`));
  }
}

/** One NUL-terminated string without inner NULs (dtc's `data_is_one_string`). */
function isOneString(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes.indexOf(0) === bytes.length - 1;
}

/**
 * A `name` property must be one string; if it equals the node's base name it
 * is redundant and dtc deletes it, otherwise dtc refuses the tree. Like dtc,
 * this looks at the first property so named even if it was deleted. Forced,
 * the property stays whatever it holds.
 */
function checkNameProperty(node: DtsSourceNode, mode: DtsCheckMode): void {
  const live = node.liveProperty('name');
  if (live && !isOneString(sourceValueBytes(live.value))) {
    refuse(mode, new DtsError(live.at, `property 'name' of ${node.fullPath()} is not a string`));
    return;
  }
  const first = node.firstProperty('name');
  if (!first) return;
  const bytes = sourceValueBytes(first.value);
  const base = node.baseName();
  const matches = bytes.length === base.length + 1 && [...base].every((char, i) => bytes[i] === char.charCodeAt(0));
  if (!matches) {
    refuse(mode, new DtsError(first.at, `property 'name' of ${node.fullPath()} is not the node's base name '${base}'`));
    return;
  }
  if (!mode.force) node.removeProperty(first);
}

/** A label may name only one thing: one node, one property, or one place inside one value. */
function checkDuplicateLabels(nodes: readonly DtsSourceNode[]): void {
  const owners = new Map<string, { owner: object; description: string }>();
  const claim = (label: string, owner: object, description: string, at: DtsPosition): void => {
    const earlier = owners.get(label);
    if (earlier && earlier.owner !== owner) {
      throw new DtsError(at, `duplicate label '${label}' on ${description} and ${earlier.description}`);
    }
    owners.set(label, earlier ?? { owner, description });
  };
  for (const node of nodes) {
    for (const label of node.labels) if (!label.deleted) claim(label.name, node, node.fullPath(), node.at);
    for (const property of node.liveProperties()) {
      const description = `property '${property.name}' in ${node.fullPath()}`;
      for (const label of property.labels) if (!label.deleted) claim(label.name, property, description, property.at);
      for (const label of property.value.labels) claim(label, {}, `the value of ${description}`, property.at);
    }
  }
}

/**
 * dtc's `check_phandle_prop`: the explicit phandle a property gives, or 0 if
 * none (or a reference to the node itself, or, forced, a bad one).
 */
function explicitPhandle(node: DtsSourceNode, name: string, finder: DtsNodeFinder, mode: DtsCheckMode): number {
  const property = node.liveProperty(name);
  if (!property) return 0;
  const bytes = sourceValueBytes(property.value);
  if (bytes.length !== 4) {
    refuse(mode, new DtsError(property.at, `bad length (${bytes.length}) of ${name} property in ${node.fullPath()}`));
    return 0;
  }
  const reference = property.value.chunks.find((chunk) => chunk.kind === 'phandle');
  if (reference && reference.kind === 'phandle') {
    // `phandle = <&self>` asks for a phandle to be allocated; any other target is nonsense.
    if (finder.find(reference.ref, reference.at) !== node)
      refuse(mode, new DtsError(property.at, `${name} of ${node.fullPath()} is a reference to another node`));
    return 0;
  }
  const value = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  if (value === 0 || value === 0xffffffff) {
    refuse(
      mode,
      new DtsError(property.at, `bad value (0x${value.toString(16)}) in ${name} property of ${node.fullPath()}`),
    );
    return 0;
  }
  return value;
}

/** Takes a node's explicit phandle; forced, a mismatched or duplicated one stays in its property only. */
function checkExplicitPhandles(
  node: DtsSourceNode,
  finder: DtsNodeFinder,
  phandles: Map<number, DtsSourceNode>,
  mode: DtsCheckMode,
): void {
  const phandle = explicitPhandle(node, 'phandle', finder, mode);
  const legacy = explicitPhandle(node, 'linux,phandle', finder, mode);
  if (phandle === 0 && legacy === 0) return;
  if (phandle !== 0 && legacy !== 0 && phandle !== legacy) {
    refuse(mode, new DtsError(node.at, `mismatching 'phandle' and 'linux,phandle' properties in ${node.fullPath()}`));
    return;
  }
  const value = phandle !== 0 ? phandle : legacy;
  const other = phandles.get(value);
  if (other && other !== node) {
    refuse(
      mode,
      new DtsError(
        node.at,
        `duplicated phandle 0x${value.toString(16)} in ${node.fullPath()} (seen before at ${other.fullPath()})`,
      ),
    );
    return;
  }
  node.phandle = value;
  phandles.set(value, node);
}
