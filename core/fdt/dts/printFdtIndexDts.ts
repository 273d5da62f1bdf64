import { contentPropertiesEnd } from '../contentPropertiesEnd';
import type { FdtIndex } from '../FdtIndex';
import { fdtVersionFormat } from '../FdtVersionFormat';
import { DtsByteWriter } from './DtsByteWriter';
import { dtsComment } from './dtsComment';
import { memoryReservationLine } from './printDts';

/** Options of `printFdtIndexDts`. */
export interface PrintFdtIndexDtsOptions {
  /**
   * About how many bytes each chunk holds (default 64 KiB): a chunk is handed
   * out once a node's text takes it past this; a single larger value makes
   * that chunk larger. Must be at least 16.
   */
  chunkBytes?: number;
  /**
   * A note for one property, printed after the property's `;` as a trailing
   * `/* note *\/` comment on the same line (`dtsComment`: `*\/` escaped, line
   * breaks as spaces); `undefined` or `''` prints nothing. Called once per
   * printed property, in print order, with the index's node and property
   * numbers, so a caller can look up what it decoded for exactly that
   * property (`index.nodePath(node)` gives the path, if it needs one).
   */
  annotate?(node: number, property: number): string | undefined;
}

/**
 * The DTS text of a blob straight from its index, in chunks of bytes: the same
 * text as `printDts(index.toDocument())` (dtc's `-I dtb -O dts`, one byte per
 * char), made without building the document. Values are formatted from the
 * blob's bytes in place and names copied as they are, so decompiling holds
 * the blob, its index and one chunk, not a copy of every value and a tree of
 * objects on top (docs/performance.md has the figures).
 *
 * A generator, so that a caller writing to a slow stream can stop pulling
 * until the stream drains; each chunk is a fresh array the caller may keep.
 * A truncated index prints as `toDocument()` does: nodes the cut left open
 * close where the bytes end, and with no node at all the text has an empty
 * root.
 */
export function* printFdtIndexDts(index: FdtIndex, options: PrintFdtIndexDtsOptions = {}): Generator<Uint8Array> {
  const out = new DtsByteWriter(options.chunkBytes ?? 64 * 1024);
  yield* writeFdtIndexDts(index, out, options);
  yield out.take();
}

/**
 * `printFdtIndexDts` into a writer a caller shares with text of its own (the
 * KHO graph's DTS puts a comment before each fragment's blob): writes the
 * blob's text into `out` and hands out `out.take()` whenever `out` holds
 * `chunkBytes` or more at the end of a node. What is left in `out` at the
 * end is the caller's to take. The one printer of an index: `khoscope dts`
 * and `khoscope tree --format dts` both go through it.
 */
export function* writeFdtIndexDts(
  index: FdtIndex,
  out: DtsByteWriter,
  options: PrintFdtIndexDtsOptions = {},
): Generator<Uint8Array> {
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const annotate = options.annotate;
  out.text('/dts-v1/;\n\n');
  for (const entry of index.memoryReservations) {
    out.text(memoryReservationLine(entry));
    out.newline();
  }
  if (index.nodeCount === 0) {
    out.text('/ {\n};\n');
    return;
  }
  const dropNameProperty = fdtVersionFormat(index.version)?.nameProperties === true;
  const bytes = index.bytes;
  // Depth of the innermost node still open: a node at depth d closes every open node at depth >= d first.
  let openDepth = -1;
  for (let n = 0; n < index.nodeCount; n++) {
    const depth = index.nodeDepth(n);
    for (; openDepth >= depth; openDepth--) closeNode(out, openDepth);
    openDepth = depth;
    // dtc puts a blank line before every child node.
    if (n > 0) out.newline();
    const name = index.nodeName(n);
    out.tabs(depth);
    // dtc writes the root as "/" because its name is empty; a named root (old blobs) keeps its name.
    out.text(name === '' ? '/' : name);
    out.text(' {\n');
    const end = contentPropertiesEnd(index, n, name, dropNameProperty);
    for (let p = index.nodeFirstProperty(n); p < end; p++) {
      out.tabs(depth + 1);
      out.text(index.propertyName(p));
      const length = index.propertyLength(p);
      if (length === 0) {
        out.text(';');
      } else {
        const start = index.propertyValueOffset(p);
        out.text(' = ');
        out.value(bytes, start, start + length);
        out.text(';');
      }
      const note = annotate?.(n, p);
      if (note) {
        out.text(' ');
        out.text(dtsComment(note));
      }
      out.newline();
    }
    if (out.length >= chunkBytes) yield out.take();
  }
  for (; openDepth >= 0; openDepth--) closeNode(out, openDepth);
}

/** The `};` line that closes a node at `depth`. */
function closeNode(out: DtsByteWriter, depth: number): void {
  out.tabs(depth);
  out.text('};\n');
}
