import { emptyFdtDocument, writeFdt, type FdtNode, type FdtProperty } from '../../../fdt';
import { writeEncodedMap } from '../../maps/EncodedMap';
import { encodeChunkList } from '../../maps/encodeChunkList';
import { encodeRadixTree } from '../../maps/encodeRadixTree';
import type { PreservedBlock } from '../../maps/PreservedBlock';
import { bumpAllocator } from '../../maps/testing/mapTestImage';
import type { SparseMemory } from '../../../mem/SparseMemory';
import { ANCHOR_MAGIC } from '../anchorPageLayout';

/** A little-endian u64 property value (KHO's native order). */
export function u64le(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value), true);
  return bytes;
}

/** A big-endian u64 list (DTS cells), as the seed writes `kho,recursive-fdt`. */
export function u64beList(values: number[]): Uint8Array {
  const bytes = new Uint8Array(8 * values.length);
  values.forEach((v, i) => new DataView(bytes.buffer).setBigUint64(8 * i, BigInt(v), false));
  return bytes;
}

/** A NUL-terminated string value. */
export function cstr(text: string): Uint8Array {
  return new TextEncoder().encode(`${text}\0`);
}

/** An FDT blob whose root has `compatible` and the given extra properties and children. */
export function fdtBlob(compatible: string, properties: FdtProperty[] = [], children: FdtNode[] = []): Uint8Array {
  const doc = emptyFdtDocument();
  doc.root = { name: '', properties: [{ name: 'compatible', value: cstr(compatible) }, ...properties], children };
  return writeFdt(doc);
}

/** One child of a test root: a blob at `blob` linked by `property`. */
export interface ChildSpec {
  name: string;
  blob: number;
  property: 'fdt' | 'preserved-data';
  /** Writes a `blob-size` property too. */
  blobSize?: number;
}

/** A mainline-style KHO root to place into a test image. */
export interface RootSpec {
  address: number;
  compatible: string;
  children?: ChildSpec[];
  /** The map to write: an encoding (preserving the root and blob pages), `zero`, or a raw pointer value. */
  map: 'radix-tree' | 'chunk-list' | 'zero' | { pointer: number };
  /** Where the map's metadata pages go (consecutive pages). */
  mapPages?: number;
  /** More pages the map marks preserved (blobs the caller writes itself, e.g. fragments further down). */
  preserved?: number[];
}

/**
 * Writes a root FDT, a small sub-FDT for every child, and (for an encoding)
 * a preserved-memory map that marks the root page and the blobs preserved.
 */
export function placeRoot(memory: SparseMemory, spec: RootSpec): void {
  const pageSize = memory.pageSize;
  const children: FdtNode[] = [];
  const blocks: PreservedBlock[] = [{ address: spec.address, order: 0 }];
  for (const page of spec.preserved ?? []) blocks.push({ address: page, order: 0 });
  for (const child of spec.children ?? []) {
    const properties: FdtProperty[] = [{ name: child.property, value: u64le(child.blob) }];
    if (child.blobSize !== undefined) properties.push({ name: 'blob-size', value: u64le(child.blobSize) });
    children.push({ name: child.name, properties, children: [] });
    memory.write(child.blob, fdtBlob(`${child.name}-v1`));
    blocks.push({ address: child.blob, order: 0 });
  }
  let pointer = 0;
  if (spec.map === 'radix-tree' || spec.map === 'chunk-list') {
    const allocate = bumpAllocator(spec.mapPages ?? 0, pageSize);
    const encoded =
      spec.map === 'radix-tree'
        ? encodeRadixTree(blocks, pageSize, allocate)
        : encodeChunkList(blocks, pageSize, pageSize, allocate);
    writeEncodedMap(memory, encoded);
    pointer = encoded.root;
  } else if (spec.map !== 'zero') {
    pointer = spec.map.pointer;
  }
  memory.write(
    spec.address,
    fdtBlob(spec.compatible, [{ name: 'preserved-memory-map', value: u64le(pointer) }], children),
  );
}

/** A `KHOANCH1` anchor page. */
export function anchorPage(pageSize: number, next: number, fdtSize: number, pages: number[]): Uint8Array {
  const page = new Uint8Array(pageSize);
  const view = new DataView(page.buffer);
  page.set(new TextEncoder().encode(ANCHOR_MAGIC), 0);
  view.setBigUint64(8, BigInt(next), true);
  view.setBigUint64(16, BigInt(fdtSize), true);
  view.setUint32(24, pages.length, true);
  pages.forEach((p, i) => view.setBigUint64(32 + 8 * i, BigInt(p), true));
  return page;
}

/**
 * Writes an FDT larger than `pages.length − 1` pages across the given
 * (non-contiguous) pages, and returns its size. Padding comes from a
 * property of filler bytes.
 */
export function placeSpreadFdt(memory: SparseMemory, compatible: string, pages: number[]): number {
  const pageSize = memory.pageSize;
  const filler = new Uint8Array((pages.length - 1) * pageSize + 64).fill(0x5a);
  const blob = fdtBlob(compatible, [{ name: 'filler', value: filler }]);
  pages.forEach((page, i) =>
    memory.write(page, blob.subarray(i * pageSize, Math.min(blob.length, (i + 1) * pageSize))),
  );
  return blob.length;
}
