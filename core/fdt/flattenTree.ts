import { ByteSink } from './ByteSink';
import { FDT_BEGIN_NODE, FDT_END, FDT_END_NODE, FDT_PROP, FDT_U32_MAX } from './constants';
import { DtcStringTable } from './DtcStringTable';
import { nodeNameProblem, propertyNameProblem } from './dtcNameRules';
import type { FdtNode, FdtProperty } from './FdtDocument';
import type { FdtVersionFormat } from './FdtVersionFormat';
import { FdtWriteError } from './FdtWriteError';
import { nodeNameProperty } from './nodeNameProperty';

/** The structure and strings blocks of one tree. */
export interface FlatTree {
  structure: Uint8Array;
  strings: Uint8Array;
}

/** One open node during the walk: the node, its path, and the next child to visit. */
interface OpenNode {
  node: FdtNode;
  path: string;
  nextChild: number;
}

/**
 * Emits the structure block and strings block of `root` exactly as dtc's
 * `flatten_tree` does for `format`: pre-order, properties before children,
 * names padded to 4 bytes, values padded to 4 (and, before version 16, values
 * of 8 bytes or more starting 8-byte aligned and a `name` property added to
 * nodes that lack one), property names de-duplicated as dtc does, FDT_END
 * last. Validates as it goes and throws `FdtWriteError`; `force` lets every
 * name a blob can hold through (see `FdtWriteOptions.force`). Iterative, so
 * any depth works.
 */
export function flattenTree(root: FdtNode, format: FdtVersionFormat, force = false): FlatTree {
  const structure = new ByteSink();
  const strings = new DtcStringTable();
  const seen = new Set<FdtNode>();
  checkNodeShape(root, '/', seen);
  // Children's names were checked with their parent (checkChildNames) before the walk reaches them.
  if (root.name !== '')
    throw new FdtWriteError('/', undefined, `the root node's name must be empty, not ${JSON.stringify(root.name)}`);
  const open: OpenNode[] = [{ node: root, path: '/', nextChild: 0 }];
  emitNodeStart(structure, strings, root, '/', format, force);
  while (open.length > 0) {
    const top = open[open.length - 1];
    if (top.nextChild < top.node.children.length) {
      const child = top.node.children[top.nextChild++];
      const path = top.path === '/' ? `/${child.name}` : `${top.path}/${child.name}`;
      checkNodeShape(child, path, seen);
      open.push({ node: child, path, nextChild: 0 });
      emitNodeStart(structure, strings, child, path, format, force);
    } else {
      structure.u32(FDT_END_NODE);
      open.pop();
    }
    checkSize(structure.length, 'structure block');
  }
  structure.u32(FDT_END);
  checkSize(structure.length + strings.view().length, 'structure and strings blocks');
  return { structure: structure.view(), strings: strings.view() };
}

/** BEGIN_NODE, the name (or full path), the properties; children follow. */
function emitNodeStart(
  structure: ByteSink,
  strings: DtcStringTable,
  node: FdtNode,
  path: string,
  format: FdtVersionFormat,
  force: boolean,
): void {
  checkChildNames(node, path, force);
  structure.u32(FDT_BEGIN_NODE);
  structure.latin1z(format.fullPathNames ? path : node.name);
  structure.alignTo(4);
  const names = new Set<string>();
  for (const property of node.properties) {
    checkProperty(property, path, names, force);
    emitProperty(structure, strings, property.name, property.value, format);
  }
  if (format.nameProperties && !names.has('name')) {
    const at = node.name.indexOf('@');
    if (path !== '/' && at === 0) {
      // dtc writes the length of the empty base name but the bytes of the whole name: a broken blob.
      throw new FdtWriteError(
        path,
        undefined,
        `version ${format.version} needs a base name before "@" (for the name property)`,
      );
    }
    emitProperty(structure, strings, 'name', nodeNameProperty(node.name), format);
  }
}

function emitProperty(
  structure: ByteSink,
  strings: DtcStringTable,
  name: string,
  value: Uint8Array,
  format: FdtVersionFormat,
): void {
  structure.u32(FDT_PROP);
  structure.u32(value.length);
  structure.u32(strings.insert(name));
  if (format.alignLargeValues && value.length >= 8) structure.alignTo(8);
  structure.bytes(value);
  structure.alignTo(4);
}

/** The node is a well-formed object and appears only once in the tree (no cycles, no sharing). */
function checkNodeShape(node: FdtNode, path: string, seen: Set<FdtNode>): void {
  if (typeof node !== 'object' || node === null) throw new FdtWriteError(path, undefined, 'node is not an object');
  if (typeof node.name !== 'string') throw new FdtWriteError(path, undefined, 'node name is not a string');
  if (!Array.isArray(node.properties)) throw new FdtWriteError(path, undefined, 'node properties are not an array');
  if (!Array.isArray(node.children)) throw new FdtWriteError(path, undefined, 'node children are not an array');
  if (seen.has(node)) throw new FdtWriteError(path, undefined, 'the same node object appears twice in the tree');
  seen.add(node);
}

/** Children have valid, distinct names (forced: names a blob can hold). */
function checkChildNames(node: FdtNode, path: string, force: boolean): void {
  const names = new Set<string>();
  for (const child of node.children) {
    const name: unknown = child?.name;
    const childPath = `${path === '/' ? '' : path}/${String(name)}`;
    if (typeof name !== 'string') throw new FdtWriteError(childPath, undefined, 'node name is not a string');
    const problem = force ? unwritableNameProblem('node', name) : nodeNameProblem(name);
    if (problem) throw new FdtWriteError(childPath, undefined, problem);
    if (force) continue;
    if (names.has(name))
      throw new FdtWriteError(childPath, undefined, `two children of ${path} are named ${JSON.stringify(name)}`);
    names.add(name);
  }
}

/**
 * The property has a valid name not used before in its node (forced: a name
 * a blob can hold), and a byte value a u32 can measure.
 */
function checkProperty(property: FdtProperty, path: string, names: Set<string>, force: boolean): void {
  const name: unknown = property?.name;
  if (typeof name !== 'string') throw new FdtWriteError(path, String(name), 'property name is not a string');
  const problem = force ? unwritableNameProblem('property', name) : propertyNameProblem(name);
  if (problem) throw new FdtWriteError(path, name, problem);
  if (!force && names.has(name)) throw new FdtWriteError(path, name, 'the node has two properties of this name');
  names.add(name);
  if (!(property.value instanceof Uint8Array)) throw new FdtWriteError(path, name, 'value is not a Uint8Array');
  if (property.value.length > FDT_U32_MAX)
    throw new FdtWriteError(path, name, `value of ${property.value.length} bytes does not fit a u32 length`);
}

/** Why no blob can hold `name` (a NUL ends it early; names are bytes, one per character up to U+00FF). */
function unwritableNameProblem(kind: 'node' | 'property', name: string): string | undefined {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code === 0 || code > 0xff)
      return `${kind} name ${JSON.stringify(name)} has a character no blob can hold (U+${code.toString(16).padStart(4, '0')})`;
  }
  return undefined;
}

function checkSize(size: number, what: string): void {
  if (size > FDT_U32_MAX)
    throw new FdtWriteError('', undefined, `the ${what} would exceed 4 GiB, more than a u32 offset can address`);
}
