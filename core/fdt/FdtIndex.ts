import { FDT_PROP_HEADER_SIZE } from './constants';
import type { FdtDocument, MemoryReservation } from './FdtDocument';
import type { FdtHeader } from './FdtHeader';
import type { FdtStructureTables } from './FdtStructureTables';
import { fdtVersionFormat } from './FdtVersionFormat';
import { fdtIndexToDocument } from './fdtIndexToDocument';
import { fdtTruncation } from './FdtTruncation';
import type { FdtTruncation } from './FdtTruncation';
import { hexOffset } from './hexOffset';
import { decodeLatin1, latin1Equals } from '../bytes/latin1';
import type { MemoryReservationsRead } from './readMemoryReservations';

const SLASH = 0x2f;

/** What `FdtIndex.visit` calls, each optional: node and property numbers, names and where each value lies in `bytes`. */
export interface FdtVisitor {
  /** A node: its number, its own name (`nodeName`) and its depth (0 for the root). */
  node?(n: number, name: string, depth: number): void;
  /** A property of the node visited last: its number, name (`propertyName`), value offset in `bytes` and length. */
  property?(p: number, name: string, valueOffset: number, length: number): void;
}
const AT = 0x40;

/**
 * A read-only, compact view of one validated FDT blob, built by `readFdt`.
 *
 * Nodes and properties are small integers in blob order: node 0 is the root,
 * a node's subtree is the range [n, nodeSubtreeEnd(n)), and a node's
 * properties are the range [nodeFirstProperty(n), + nodePropertyCount(n)).
 * Names are decoded on demand (one char per byte) and values are views into
 * the blob, so looking at one node costs only what that node holds.
 *
 * Offsets are byte offsets from the start of the blob. Index arguments out of
 * range throw a RangeError (a caller bug, not a blob problem).
 *
 * An index of a truncated blob (read with `allowTruncated`) holds what the
 * bytes hold and says what is missing in `truncation`: nodes the cut left
 * open end where reading stopped, property names in the missing part of the
 * strings block are placeholders (`propertyNameMissing`), and when not even
 * the root's BEGIN_NODE is present the index has no node at all.
 */
export class FdtIndex {
  /** The validated header. */
  readonly header: FdtHeader;
  /**
   * The blob, `header.totalSize` bytes (a view, not a copy, of the bytes given
   * to `readFdt`); fewer when `truncation` is set: the bytes that were present.
   */
  readonly bytes: Uint8Array;
  /** The memory reservation entries, without the terminator (those present, when truncated). */
  readonly memoryReservations: readonly Readonly<MemoryReservation>[];
  /** The root node's index (always 0; there is no node 0 when `nodeCount` is 0 in a truncated index). */
  readonly root = 0;
  /** What a truncated blob's bytes do not hold; null when the whole blob was read. */
  readonly truncation: FdtTruncation | null;

  readonly #tables: FdtStructureTables;
  /** `bytes.buffer` and `bytes.byteOffset`, kept because those getters cost more than the view they feed. */
  readonly #buffer: ArrayBufferLike;
  readonly #byteOffset: number;
  readonly #fullPathNames: boolean;
  readonly #alignLargeValues: boolean;
  /** Decoded property names by name offset (an array: a lookup costs a third of a Map's). */
  readonly #propertyNames: string[] = [];

  /** Use `readFdt`; this constructor trusts that its arguments were validated together. */
  constructor(
    bytes: Uint8Array,
    header: FdtHeader,
    memoryReservations: MemoryReservationsRead,
    tables: FdtStructureTables,
  ) {
    const format = fdtVersionFormat(header.version);
    this.bytes = bytes;
    this.#buffer = bytes.buffer;
    this.#byteOffset = bytes.byteOffset;
    this.header = header;
    this.memoryReservations = Object.freeze(
      memoryReservations.reservations.map((entry) => Object.freeze({ ...entry })),
    );
    this.#tables = tables;
    this.#fullPathNames = format?.fullPathNames === true;
    this.#alignLargeValues = format?.alignLargeValues === true;
    // Last, so that the reason can name the open nodes with this index's own paths.
    this.truncation =
      bytes.length < header.totalSize
        ? fdtTruncation(bytes.length, header, tables, memoryReservations.cutAt, (n) => this.nodePath(n))
        : null;
  }

  /** The header's format version. */
  get version(): number {
    return this.header.version;
  }

  /** Number of nodes, root included. */
  get nodeCount(): number {
    return this.#tables.nodeCount;
  }

  /** Number of properties in the whole tree. */
  get propertyCount(): number {
    return this.#tables.propertyCount;
  }

  /** Offset of the FDT_END token that closes the structure block; -1 when a truncated blob's bytes end before it. */
  get endTokenOffset(): number {
    return this.#tables.endTokenOffset;
  }

  /** The node's own name with its unit address ("cpu@0"); "" for the root. */
  nodeName(n: number): string {
    this.#checkNode(n);
    return this.#nodeName(n);
  }

  /** Parent node index, -1 for the root. */
  nodeParent(n: number): number {
    this.#checkNode(n);
    return this.#tables.nodeParent[n];
  }

  /** Nesting depth, 0 for the root. */
  nodeDepth(n: number): number {
    this.#checkNode(n);
    return this.#tables.nodeDepth[n];
  }

  /** Index one past the node's last descendant: its subtree is [n, nodeSubtreeEnd(n)). */
  nodeSubtreeEnd(n: number): number {
    this.#checkNode(n);
    return this.#tables.nodeSubtreeEnd[n];
  }

  /** The node's children in blob order. */
  nodeChildren(n: number): number[] {
    this.#checkNode(n);
    const subtreeEnd = this.#tables.nodeSubtreeEnd;
    const children: number[] = [];
    for (let child = n + 1; child < subtreeEnd[n]; child = subtreeEnd[child]) children.push(child);
    return children;
  }

  /** Offset of the node's BEGIN_NODE token. */
  nodeOffset(n: number): number {
    this.#checkNode(n);
    return this.#tables.nodeOffset[n];
  }

  /**
   * Offset just past the node's END_NODE token: the node's bytes are
   * [nodeOffset(n), nodeEndOffset(n)). For a node a truncation left open
   * (`truncation.openNodes`), the offset where reading stopped.
   */
  nodeEndOffset(n: number): number {
    this.#checkNode(n);
    return this.#tables.nodeEnd[n];
  }

  /** Index of the node's first property (meaningful when it has any). */
  nodeFirstProperty(n: number): number {
    this.#checkNode(n);
    return this.#tables.nodeFirstProperty[n];
  }

  /** Number of properties of the node. */
  nodePropertyCount(n: number): number {
    this.#checkNode(n);
    return this.#tables.nodeFirstProperty[n + 1] - this.#tables.nodeFirstProperty[n];
  }

  /** The node's properties in blob order. */
  nodeProperties(n: number): number[] {
    this.#checkNode(n);
    const first = this.#tables.nodeFirstProperty[n];
    const end = this.#tables.nodeFirstProperty[n + 1];
    const properties: number[] = [];
    for (let p = first; p < end; p++) properties.push(p);
    return properties;
  }

  /** The node's full path: "/" for the root, "/a/b@1" below it. */
  nodePath(n: number): string {
    this.#checkNode(n);
    if (n === 0) return '/';
    const names: string[] = [];
    for (let at = n; at > 0; at = this.#tables.nodeParent[at]) names.push(this.nodeName(at));
    return `/${names.reverse().join('/')}`;
  }

  /**
   * The node at an absolute path, or -1. Like libfdt's `fdt_path_offset`: empty
   * components are skipped, and a component without "@" also matches a node
   * whose name is that component plus a unit address (the first such child).
   * Aliases are not resolved. -1 too in a truncated index without nodes.
   */
  findNode(path: string): number {
    if (!path.startsWith('/') || this.#tables.nodeCount === 0) return -1;
    let n = 0;
    for (const component of path.split('/')) {
      if (component === '') continue;
      n = this.findChild(n, component);
      if (n < 0) return -1;
    }
    return n;
  }

  /** The first child of `n` named `name` (matching as in `findNode`), or -1. */
  findChild(n: number, name: string): number {
    this.#checkNode(n);
    const subtreeEnd = this.#tables.nodeSubtreeEnd;
    const anyUnit = !name.includes('@');
    for (let child = n + 1; child < subtreeEnd[n]; child = subtreeEnd[child]) {
      const end = this.#nodeNameEnd(child);
      const start = this.#nodeNameStart(child, end);
      if (latin1Equals(this.bytes, start, end, name)) return child;
      if (
        anyUnit &&
        this.bytes[start + name.length] === AT &&
        latin1Equals(this.bytes, start, start + name.length, name)
      ) {
        return child;
      }
    }
    return -1;
  }

  /** The first property of `n` named `name`, or -1 (a missing name matches nothing, not even its placeholder). */
  findProperty(n: number, name: string): number {
    this.#checkNode(n);
    const { nodeFirstProperty, propertyNameOffset } = this.#tables;
    const strings = this.header.offDtStrings;
    for (let p = nodeFirstProperty[n]; p < nodeFirstProperty[n + 1]; p++) {
      const start = strings + propertyNameOffset[p];
      if (this.bytes[start + name.length] === 0 && latin1Equals(this.bytes, start, start + name.length, name)) return p;
    }
    return -1;
  }

  /**
   * The property's name (decoded once per distinct name offset, then cached).
   * A name a truncated blob's bytes do not hold (`propertyNameMissing`) is a
   * placeholder saying where it would be: `<name at strings+0x24 not in the
   * 233 bytes present>` (dtc never writes a "<" in a name).
   */
  propertyName(p: number): string {
    this.#checkProperty(p);
    return this.#propertyName(this.#tables.propertyNameOffset[p]);
  }

  /** Whether the property's name lies in the part of a truncated blob's strings block that the bytes do not hold. */
  propertyNameMissing(p: number): boolean {
    this.#checkProperty(p);
    return this.#tables.propertyNameOffset[p] > this.#tables.lastNameOffset;
  }

  /** Offset of the property's name inside the strings block. */
  propertyNameOffset(p: number): number {
    this.#checkProperty(p);
    return this.#tables.propertyNameOffset[p];
  }

  /** The property's value: a view into the blob (copy it before changing it). */
  propertyValue(p: number): Uint8Array {
    const start = this.propertyValueOffset(p);
    // The constructor, not subarray(): half the cost, which shows when every value is looked at.
    return new Uint8Array(this.#buffer, this.#byteOffset + start, this.#tables.propertyLength[p]);
  }

  /** The value length in bytes. */
  propertyLength(p: number): number {
    this.#checkProperty(p);
    return this.#tables.propertyLength[p];
  }

  /** Offset of the property's PROP token. */
  propertyOffset(p: number): number {
    this.#checkProperty(p);
    return this.#tables.propertyOffset[p];
  }

  /** Offset of the property's value (after the 8-byte alignment versions before 16 apply to long values). */
  propertyValueOffset(p: number): number {
    this.#checkProperty(p);
    return this.#propertyValueOffset(p);
  }

  /** The node that owns the property (binary search over the nodes' property ranges). */
  propertyNode(p: number): number {
    this.#checkProperty(p);
    const first = this.#tables.nodeFirstProperty;
    let low = 0;
    let high = this.#tables.nodeCount - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (first[middle] <= p) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /**
   * Every node and property in blob order, as plain numbers and strings, for
   * a caller that looks at all of them: `node(n, name, depth)` for each node
   * (parents before their children, so `depth` says where it sits), then
   * `property(p, name, valueOffset, length)` for each of its properties.
   * A value is the bytes [valueOffset, valueOffset + length) of `bytes`, as
   * libfdt hands out a pointer and a length; nothing is copied and no view
   * is made (`propertyValue(p)` makes one when wanted). Names are what
   * `nodeName` and `propertyName` return (each property name decoded once
   * per name offset). Every property is visited, dtc's implied `name`
   * properties of old versions included, as the accessors see them.
   *
   * The same facts as the accessors, at a fraction of their cost per item:
   * no range check per call and no view per value, which is what reading a
   * whole 100k-node tree through the accessors mostly costs
   * (docs/performance.md, `fdt-index` bench).
   */
  visit(visitor: FdtVisitor): void {
    const { nodeCount, nodeDepth, nodeFirstProperty, propertyNameOffset, propertyLength } = this.#tables;
    const onNode = visitor.node;
    const onProperty = visitor.property;
    for (let n = 0; n < nodeCount; n++) {
      onNode?.(n, this.#nodeName(n), nodeDepth[n]);
      if (!onProperty) continue;
      const end = nodeFirstProperty[n + 1];
      for (let p = nodeFirstProperty[n]; p < end; p++) {
        onProperty(p, this.#propertyName(propertyNameOffset[p]), this.#propertyValueOffset(p), propertyLength[p]);
      }
    }
  }

  /**
   * The tree as an editable `FdtDocument` (values copied out of the blob).
   * Before version 16 dtc adds a `name` property to every node; a node's last
   * property that is exactly what dtc would add is left out, so the document
   * is the same whichever version the blob was written in (see docs/fdt-codec.md).
   */
  toDocument(): FdtDocument {
    return fdtIndexToDocument(this);
  }

  /** `nodeName` without the range check. */
  #nodeName(n: number): string {
    const end = this.#nodeNameEnd(n);
    return decodeLatin1(this.bytes, this.#nodeNameStart(n, end), end);
  }

  /** The property name at `nameOffset` in the strings block, decoded once and then cached (see `propertyName`). */
  #propertyName(nameOffset: number): string {
    let name = this.#propertyNames[nameOffset];
    if (name === undefined) {
      const start = this.header.offDtStrings + nameOffset;
      name =
        nameOffset > this.#tables.lastNameOffset
          ? `<name at strings+${hexOffset(nameOffset)} not in the ${this.bytes.length} bytes present>`
          : decodeLatin1(this.bytes, start, this.bytes.indexOf(0, start));
      this.#propertyNames[nameOffset] = name;
    }
    return name;
  }

  /** `propertyValueOffset` without the range check. */
  #propertyValueOffset(p: number): number {
    const value = this.#tables.propertyOffset[p] + FDT_PROP_HEADER_SIZE;
    if (!this.#alignLargeValues || this.#tables.propertyLength[p] < 8) return value;
    const fromStart = value - this.header.offDtStruct;
    return this.header.offDtStruct + fromStart + ((8 - (fromStart & 7)) & 7);
  }

  /** Offset just past the last byte of the node's name (its NUL). */
  #nodeNameEnd(n: number): number {
    // A loop, not indexOf: names are short, and the builtin's call costs more than the scan.
    const bytes = this.bytes;
    const limit = bytes.length;
    let end = this.#tables.nodeOffset[n] + 4;
    while (end < limit && bytes[end] !== 0) end++;
    return end;
  }

  /** Offset of the node's own name: after BEGIN_NODE, or after the last "/" of a full path. */
  #nodeNameStart(n: number, nameEnd: number): number {
    const start = this.#tables.nodeOffset[n] + 4;
    if (!this.#fullPathNames) return start;
    return this.bytes.subarray(start, nameEnd).lastIndexOf(SLASH) + start + 1;
  }

  #checkNode(n: number): void {
    if (!(Number.isInteger(n) && n >= 0 && n < this.#tables.nodeCount)) {
      throw new RangeError(`node index ${n} out of range (0..${this.#tables.nodeCount - 1})`);
    }
  }

  #checkProperty(p: number): void {
    if (!(Number.isInteger(p) && p >= 0 && p < this.#tables.propertyCount)) {
      throw new RangeError(`property index ${p} out of range (0..${this.#tables.propertyCount - 1})`);
    }
  }
}
