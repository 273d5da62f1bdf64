import { FDT_BEGIN_NODE, FDT_END, FDT_END_NODE, FDT_NOP, FDT_PROP, FDT_PROP_HEADER_SIZE } from './constants';
import { FdtError } from './FdtError';
import type { FdtHeader } from './FdtHeader';
import type { FdtReadLimits } from './FdtReadOptions';
import type { FdtStructureTables } from './FdtStructureTables';
import { fdtVersionFormat } from './FdtVersionFormat';

const SLASH = 0x2f;

/** Smallest node (BEGIN_NODE, empty name padded to 4, END_NODE) and smallest property (PROP, len, nameoff). */
const MIN_NODE_BYTES = 12;
const MIN_PROPERTY_BYTES = FDT_PROP_HEADER_SIZE;
/**
 * Start small so that one-page blobs stay cheap: 16 four-byte entries are the
 * 64 bytes V8 still keeps inside the JS heap, so a tiny blob's tables need no
 * buffers of their own (a 100k-fragment decode reads 100k tiny blobs).
 * Doubling keeps the copies linear overall.
 */
const INITIAL_CAPACITY = 16;
/**
 * First capacities are sized from the structure block: one property per 16
 * bytes and one node per 64 covers the trees dtc makes (a property takes at
 * least 12 bytes, a typical one 20-30 with its value; a node with its name and
 * END_NODE 16 or more, and holds a few properties), so a large blob's tables
 * are allocated once instead of being doubled and copied a dozen times.
 * Larger trees still grow; the over-allocation is at most these fractions of
 * the block.
 */
const BYTES_PER_PROPERTY_GUESS = 16;
const BYTES_PER_NODE_GUESS = 64;

/**
 * Walks the structure block once and builds the typed-array index. Checks as
 * it goes: tokens are known, everything lies inside the structure block,
 * nesting balances, exactly one root opens and closes before FDT_END, property
 * names point at NUL-terminated strings inside the strings block, properties
 * precede subnodes, and the limits hold. NOPs are skipped; whatever follows
 * FDT_END is ignored (as dtc does). Every token advances by at least 4 bytes,
 * so the loop always ends.
 *
 * `bytes` may hold only a prefix of the blob (a tolerant read of a truncated
 * blob). Every check is made against the block ends the header gives, so
 * corruption in the bytes present is still an error; a token, property or
 * name that would lie inside its block but runs past the bytes is a cut
 * instead: the walk stops there and the tables say where and what
 * (`stoppedAt`, `cut`, `openNodes`). A property whose name lies in the
 * missing part of the strings block is kept (`missingNameCount`). For a whole
 * blob the extra bound is the block end itself, so this costs nothing.
 *
 * Deliberately one flat function with the arrays in locals: this loop is the
 * reader's hot path (no per-node objects, no string decoding).
 */
export function scanStructureBlock(bytes: Uint8Array, header: FdtHeader, limits: FdtReadLimits): FdtStructureTables {
  const b = bytes;
  const start = header.offDtStruct;
  const end = header.structEnd;
  // Where the bytes end inside the block: every bounds check tests `limit` first and,
  // only when that fails, `end` to tell a cut (inside the block) from corruption (past it).
  const limit = Math.min(end, b.length);
  const stringsSize = header.stringsEnd - header.offDtStrings;
  const stringsPresentEnd = Math.min(header.stringsEnd, b.length);
  const stringsCut = stringsPresentEnd < header.stringsEnd;
  // A name offset is valid iff a NUL follows it inside the strings block, i.e. iff it
  // is at or before the block's last NUL: one backward scan replaces a scan per property.
  // In a cut strings block a later offset may still be valid: its name is just not present.
  const lastNameOffset = b.subarray(header.offDtStrings, stringsPresentEnd).lastIndexOf(0);
  const format = fdtVersionFormat(header.version);
  const fullPathNames = format?.fullPathNames === true;
  const alignLargeValues = format?.alignLargeValues === true;
  const { maxDepth, maxNodes, maxProperties } = limits;
  // Imported bindings can compile to getter calls under module transforms (tsx, vitest);
  // locals keep the token dispatch a plain comparison.
  const PROP = FDT_PROP;
  const BEGIN_NODE = FDT_BEGIN_NODE;
  const END_NODE = FDT_END_NODE;
  const NOP = FDT_NOP;
  const END = FDT_END;
  const PROP_HEADER_SIZE = FDT_PROP_HEADER_SIZE;

  const structSize = end - start;
  const nodeLimit = Math.min(maxNodes, Math.floor(structSize / MIN_NODE_BYTES));
  const propertyLimit = Math.min(maxProperties, Math.floor(structSize / MIN_PROPERTY_BYTES));
  let nodeCapacity = Math.min(Math.max(INITIAL_CAPACITY, Math.ceil(structSize / BYTES_PER_NODE_GUESS)), nodeLimit + 1);
  let propertyCapacity = Math.min(
    Math.max(INITIAL_CAPACITY, Math.ceil(structSize / BYTES_PER_PROPERTY_GUESS)),
    propertyLimit,
  );
  let nodeOffset = new Uint32Array(nodeCapacity);
  let nodeEnd = new Uint32Array(nodeCapacity);
  let nodeParent = new Int32Array(nodeCapacity);
  let nodeDepth = new Uint32Array(nodeCapacity);
  let nodeSubtreeEnd = new Uint32Array(nodeCapacity);
  let nodeFirstProperty = new Uint32Array(nodeCapacity);
  let propertyOffset = new Uint32Array(propertyCapacity);
  let propertyLength = new Uint32Array(propertyCapacity);
  let propertyNameOffset = new Uint32Array(propertyCapacity);
  // Open nodes, innermost last; for full-path versions also the length of each open node's path.
  let openNodes = new Int32Array(INITIAL_CAPACITY);
  let openPathLengths = new Uint32Array(fullPathNames ? INITIAL_CAPACITY : 0);

  let nodeCount = 0;
  let propertyCount = 0;
  let depth = 0;
  let current = -1;
  let rootClosed = false;
  let missingNameCount = 0;
  let endTokenOffset = -1;
  let cut: string | null = null;
  let p = start;

  for (;;) {
    if (p + 4 > limit) {
      if (p + 4 > end) throw new FdtError(p, 'structure block', 'ends without an FDT_END token');
      cut =
        p === start
          ? 'none of it is present'
          : p === limit
            ? 'the bytes end before the next token'
            : 'the token there is cut';
      break;
    }
    const token = (b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3];

    if (token === PROP) {
      if (p + PROP_HEADER_SIZE > limit) {
        if (p + PROP_HEADER_SIZE > end) {
          throw new FdtError(
            p,
            'property',
            `PROP token at the end of the structure block has no room for its length and name offset`,
          );
        }
        cut = 'the property header there is cut';
        break;
      }
      if (current < 0) {
        throw new FdtError(
          p,
          'property',
          rootClosed ? 'property after the root node closed' : 'property before the root node',
        );
      }
      if (current !== nodeCount - 1) {
        throw new FdtError(p, 'property', 'property after a subnode of its node (properties must come first)');
      }
      const length = ((b[p + 4] << 24) | (b[p + 5] << 16) | (b[p + 6] << 8) | b[p + 7]) >>> 0;
      const nameOffset = ((b[p + 8] << 24) | (b[p + 9] << 16) | (b[p + 10] << 8) | b[p + 11]) >>> 0;
      let value = p + PROP_HEADER_SIZE;
      if (alignLargeValues && length >= 8) value = start + align8(value - start);
      if (value + length > limit) {
        if (value + length > end) {
          throw new FdtError(
            p,
            'property',
            `value runs past the end of the structure block (len ${length}, ${Math.max(0, end - value)} bytes left)`,
          );
        }
        cut = `the value of the property there is cut (len ${length}, ${Math.max(0, limit - value)} of its bytes present)`;
        break;
      }
      if (nameOffset > lastNameOffset) {
        if (!stringsCut || nameOffset >= stringsSize) {
          throw new FdtError(
            p,
            'property',
            nameOffset >= stringsSize
              ? `name offset ${nameOffset} is outside the strings block (${stringsSize} bytes)`
              : `name at strings offset ${nameOffset} is not NUL-terminated inside the strings block`,
          );
        }
        missingNameCount++;
      }
      if (propertyCount === propertyCapacity) {
        if (propertyCount >= maxProperties) {
          throw new FdtError(p, 'property', `more than ${maxProperties} properties (limit maxProperties)`);
        }
        propertyCapacity = Math.min(propertyCapacity * 2 + 1, Math.max(propertyLimit, propertyCount + 1));
        propertyOffset = grown(propertyOffset, propertyCapacity);
        propertyLength = grown(propertyLength, propertyCapacity);
        propertyNameOffset = grown(propertyNameOffset, propertyCapacity);
      }
      propertyOffset[propertyCount] = p;
      propertyLength[propertyCount] = length;
      propertyNameOffset[propertyCount] = nameOffset;
      propertyCount++;
      p = align4(value + length);
    } else if (token === BEGIN_NODE) {
      if (rootClosed) throw new FdtError(p, 'node', 'a second root node after the first one closed');
      const nameStart = p + 4;
      let nameEnd = nameStart;
      while (nameEnd < limit && b[nameEnd] !== 0) nameEnd++;
      if (nameEnd >= limit) {
        if (limit === end) throw new FdtError(p, 'node', 'name is not NUL-terminated inside the structure block');
        cut = 'the name of the node there is cut';
        break;
      }
      if (depth > maxDepth) throw new FdtError(p, 'node', `nested deeper than ${maxDepth} levels (limit maxDepth)`);
      if (nodeCount >= maxNodes) throw new FdtError(p, 'node', `more than ${maxNodes} nodes (limit maxNodes)`);
      if (fullPathNames) {
        const parentPathLength = current < 0 ? 0 : openPathLengths[depth - 1];
        const parentPathStart = current < 0 ? 0 : nodeOffset[current] + 4;
        checkFullPath(b, p, nameStart, nameEnd - nameStart, parentPathStart, current < 0 ? -1 : parentPathLength);
        if (depth === openPathLengths.length) openPathLengths = grown(openPathLengths, depth * 2);
        // The root's path "/" counts as 0 so that children join without a double slash.
        openPathLengths[depth] = current < 0 ? 0 : nameEnd - nameStart;
      } else if (current < 0) {
        if (nameEnd !== nameStart) throw new FdtError(p, 'node', 'the root node has a name; it must be empty');
      } else if (nameEnd === nameStart) {
        throw new FdtError(p, 'node', 'node name is empty');
      }
      if (nodeCount + 1 >= nodeCapacity) {
        nodeCapacity = Math.min(nodeCapacity * 2 + 1, Math.max(nodeLimit, nodeCount + 1) + 1);
        nodeOffset = grown(nodeOffset, nodeCapacity);
        nodeEnd = grown(nodeEnd, nodeCapacity);
        nodeParent = grown(nodeParent, nodeCapacity);
        nodeDepth = grown(nodeDepth, nodeCapacity);
        nodeSubtreeEnd = grown(nodeSubtreeEnd, nodeCapacity);
        nodeFirstProperty = grown(nodeFirstProperty, nodeCapacity);
      }
      nodeOffset[nodeCount] = p;
      nodeParent[nodeCount] = current;
      nodeDepth[nodeCount] = depth;
      nodeFirstProperty[nodeCount] = propertyCount;
      if (depth === openNodes.length) openNodes = grown(openNodes, depth * 2);
      openNodes[depth] = nodeCount;
      current = nodeCount;
      nodeCount++;
      depth++;
      p = align4(nameEnd + 1);
    } else if (token === END_NODE) {
      if (depth === 0) throw new FdtError(p, 'structure block', 'END_NODE token with no open node');
      depth--;
      nodeEnd[current] = p + 4;
      nodeSubtreeEnd[current] = nodeCount;
      if (depth === 0) {
        rootClosed = true;
        current = -1;
      } else {
        current = openNodes[depth - 1];
      }
      p += 4;
    } else if (token === NOP) {
      p += 4;
    } else if (token === END) {
      if (!rootClosed) {
        throw new FdtError(
          p,
          'structure block',
          nodeCount === 0 ? 'FDT_END token before any node' : `FDT_END token while ${depth} node(s) are still open`,
        );
      }
      endTokenOffset = p;
      p += 4;
      break;
    } else {
      throw new FdtError(p, 'structure block', `unknown token 0x${(token >>> 0).toString(16)}`);
    }
  }
  // Nodes a cut left open end where the walk stopped, so their ranges cover what was read.
  const openNodeList = Array.from(openNodes.subarray(0, depth));
  for (const n of openNodeList) {
    nodeEnd[n] = p;
    nodeSubtreeEnd[n] = nodeCount;
  }
  nodeFirstProperty[nodeCount] = propertyCount;
  return {
    nodeCount,
    propertyCount,
    nodeOffset,
    nodeEnd,
    nodeParent,
    nodeDepth,
    nodeSubtreeEnd,
    nodeFirstProperty,
    propertyOffset,
    propertyLength,
    propertyNameOffset,
    endTokenOffset,
    stoppedAt: p,
    cut,
    openNodes: openNodeList,
    lastNameOffset,
    missingNameCount,
  };
}

/**
 * Before version 16 BEGIN_NODE carries the node's full path. The root's must be
 * "/"; every other path must be its parent's path, a slash, and a non-empty
 * base name without slashes (dtc warns on anything else; we refuse it rather
 * than guess which name was meant). `parentPathLength` is -1 for the root and
 * 0 for children of the root.
 */
function checkFullPath(
  b: Uint8Array,
  tokenOffset: number,
  pathStart: number,
  pathLength: number,
  parentPathStart: number,
  parentPathLength: number,
): void {
  if (parentPathLength < 0) {
    if (pathLength !== 1 || b[pathStart] !== SLASH)
      throw new FdtError(tokenOffset, 'node', 'root node path must be "/"');
    return;
  }
  let matches = pathLength > parentPathLength + 1 && b[pathStart + parentPathLength] === SLASH;
  for (let i = 0; matches && i < parentPathLength; i++) matches = b[pathStart + i] === b[parentPathStart + i];
  for (let i = parentPathLength + 1; matches && i < pathLength; i++) matches = b[pathStart + i] !== SLASH;
  if (!matches) {
    throw new FdtError(tokenOffset, 'node', "full path is not its parent's path followed by one non-empty name");
  }
}

function align4(offset: number): number {
  return offset + 3 - ((offset + 3) & 3);
}

function align8(offset: number): number {
  return offset + 7 - ((offset + 7) & 7);
}

function grown<A extends Uint32Array | Int32Array>(array: A, capacity: number): A {
  const bigger = new (array.constructor as new (length: number) => A)(capacity);
  bigger.set(array);
  return bigger;
}
