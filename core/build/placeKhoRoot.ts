import type { FdtDocument } from '../fdt/FdtDocument';
import { writeFdt } from '../fdt/writeFdt';
import { parseRootCompatible } from '../kho/rootVersion';
import { fdtDocument, fdtNode, type PropertyList } from './fdtTree';
import type { KhoImageBuilder } from './KhoImageBuilder';
import { cstring, u64 } from '../bytes/encoders';

/** One root child of a mainline-style root. */
export interface KhoChildSpec {
  name: string;
  /** Where the blob goes. */
  address: number;
  blob: Uint8Array | FdtDocument;
  /** Pointer property; defaults to the root version's (`fdt` for kho-v1, else `preserved-data`). */
  pointer?: 'fdt' | 'preserved-data';
  /** `blob-size` value; defaults to the blob's length from kho-v3 on, absent before. `null` leaves it out. */
  blobSize?: number | null;
  /** Mark the blob's pages preserved (default true). */
  preserve?: boolean;
}

/** A mainline-style KHO root (kho-format.md §1). */
export interface KhoRootSpec {
  address: number;
  compatible: string;
  /** The map to write over everything preserved, `zero` for "no map yet", `none` for no property. */
  map: 'radix-tree' | 'chunk-list' | 'zero' | 'none';
  children: KhoChildSpec[];
  /** Mark the root page preserved (default true). */
  preserveRoot?: boolean;
}

/**
 * Places a mainline KHO root and its children's blobs: blobs first (marked
 * preserved), then the map over every preserved page so far (root page
 * included), then the root FDT with `compatible`, `preserved-memory-map` and
 * one node per child (`blob-size` before the pointer, as the kernel writes
 * them). Returns the root's size.
 */
export function placeKhoRoot(builder: KhoImageBuilder, spec: KhoRootSpec): number {
  const rules = parseRootCompatible(spec.compatible)?.rules ?? 4;
  const nodes = spec.children.map((child) => {
    const blob = child.blob instanceof Uint8Array ? child.blob : writeFdt(child.blob);
    builder.placeBytes(child.address, blob, child.preserve ?? true);
    const size = child.blobSize === undefined ? (rules >= 3 ? blob.length : null) : child.blobSize;
    const properties: PropertyList = size === null ? [] : [['blob-size', u64(size)]];
    properties.push([child.pointer ?? (rules === 1 ? 'fdt' : 'preserved-data'), u64(child.address)]);
    return fdtNode(child.name, properties);
  });
  builder.reserve(spec.address, builder.pageSize);
  if (spec.preserveRoot ?? true) builder.preserve(spec.address, builder.pageSize);
  const properties: PropertyList = [['compatible', cstring(spec.compatible)]];
  if (spec.map !== 'none') {
    const map =
      spec.map === 'zero' ? 0 : spec.map === 'radix-tree' ? builder.writeRadixMap() : builder.writeChunkList();
    properties.push(['preserved-memory-map', u64(map)]);
  }
  return builder.placeFdt(spec.address, fdtDocument(properties, nodes));
}
