import { FdtError } from '../../fdt/FdtError';
import { readFdtHeader } from '../../fdt/FdtHeader';
import { FDT_MAGIC } from '../../fdt/constants';
import { hex, readU32 } from '../../bytes/readers';
import type { DiagnosticLocation } from '../model/Diagnostic';
import type { FragmentLocation } from '../model/FragmentLocation';
import { readPages } from '../raw/readPages';
import { sniffBlob } from '../schemes/sniffBlob';
import type { DecodeContext } from './DecodeContext';
import type { PendingTarget } from './PendingTarget';

/** The bytes of a link's target and what they are taken to be. */
export interface TargetBytes {
  location: FragmentLocation;
  bytes: Uint8Array;
  format: string;
}

/** Bytes of a version 17 FDT header: enough to learn `totalsize`. */
const FDT_HEADER_BYTES = 40;

/**
 * Reads what a pending link points at, checking what can be checked before
 * decoding: the FDT magic and header, sizes against the limits, `blob-size`
 * against the FDT's own `totalsize`, and a page list's length against the
 * FDT it holds (seed-design.md: totalsize must be > (n−1)·PAGE_SIZE and
 * ≤ n·PAGE_SIZE). Returns null when nothing usable can be read; the
 * diagnostics say why, at the link's property.
 */
export async function readTarget(ctx: DecodeContext, pending: PendingTarget): Promise<TargetBytes | null> {
  const { target, link } = pending;
  const location: DiagnosticLocation = { ...link.from };
  switch (target.kind) {
    case 'fdt': {
      const size = await fdtSizeAt(ctx, target.address, location);
      if (size === null) return null;
      const bytes = await ctx.read(target.address, size, 'FDT', location);
      return bytes && { location: { kind: 'contiguous', address: target.address, length: size }, bytes, format: 'fdt' };
    }
    case 'blob': {
      if (!withinFragmentLimit(ctx, target.size, location)) return null;
      const bytes = await ctx.read(target.address, target.size, 'blob', location);
      if (!bytes) return null;
      const { format } = sniffBlob(target.nodeName, bytes);
      if (format === 'fdt') checkBlobSize(ctx, bytes, target.size, location);
      return { location: { kind: 'contiguous', address: target.address, length: target.size }, bytes, format };
    }
    case 'raw': {
      const bytes = await ctx.read(target.address, target.size, target.format, location);
      return (
        bytes && {
          location: { kind: 'contiguous', address: target.address, length: target.size },
          bytes,
          format: target.format,
        }
      );
    }
    case 'fdt-pages':
      return readPageListFdt(ctx, target.pages, location);
    case 'file': {
      const bytes = ctx.blobFiles?.get(target.path);
      if (!bytes) {
        ctx.diagnostics.error('missing-file', `the blob set has no file ${target.path}`, location);
        return null;
      }
      return {
        location: { kind: 'file', path: target.path, length: bytes.length },
        bytes,
        format: sniffBlob(target.nodeName, bytes).format,
      };
    }
  }
}

/** `totalsize` of the FDT whose header is at `address`, or null (bad magic, bad header, limit). */
export async function fdtSizeAt(
  ctx: DecodeContext,
  address: number,
  location: DiagnosticLocation,
): Promise<number | null> {
  const header = await ctx.read(address, FDT_HEADER_BYTES, 'FDT header', location);
  if (!header) return null;
  const size = headerTotalSize(ctx, header, address, location);
  return size !== null && withinFragmentLimit(ctx, size, location) ? size : null;
}

function headerTotalSize(
  ctx: DecodeContext,
  header: Uint8Array,
  address: number,
  location: DiagnosticLocation,
): number | null {
  const magic = readU32(header, 0, 'be');
  if (magic !== FDT_MAGIC) {
    ctx.diagnostics.error(
      'bad-magic',
      `no FDT at ${hex(address)}: it starts with ${hex(magic)}, not the FDT magic ${hex(FDT_MAGIC)}`,
      { ...location, address },
    );
    return null;
  }
  try {
    return readFdtHeader(header, { maxTotalSize: ctx.limits.maxFragmentBytes }).totalSize;
  } catch (error) {
    if (!(error instanceof FdtError)) throw error;
    ctx.diagnostics.error('fdt-error', `no FDT at ${hex(address)}: ${error.message}`, { ...location, address });
    return null;
  }
}

function withinFragmentLimit(ctx: DecodeContext, size: number, location: DiagnosticLocation): boolean {
  if (size <= ctx.limits.maxFragmentBytes) return true;
  ctx.diagnostics.warning(
    'limit-reached',
    `target of ${size} bytes is larger than maxFragmentBytes (${ctx.limits.maxFragmentBytes}); not read`,
    location,
  );
  return false;
}

/** kho-v3+: `blob-size` is the blob's length, which for an FDT should be its `totalsize`. */
function checkBlobSize(ctx: DecodeContext, bytes: Uint8Array, blobSize: number, location: DiagnosticLocation): void {
  if (bytes.length < FDT_HEADER_BYTES) return;
  const totalSize = readU32(bytes, 4, 'be');
  if (totalSize > blobSize) {
    ctx.diagnostics.error(
      'blob-size-mismatch',
      `blob-size is ${blobSize} but the FDT's totalsize is ${totalSize}: the FDT is cut short`,
      { ...location, property: 'blob-size' },
    );
  } else if (totalSize < blobSize) {
    ctx.diagnostics.warning(
      'blob-size-mismatch',
      `blob-size is ${blobSize} but the FDT's totalsize is only ${totalSize}`,
      { ...location, property: 'blob-size' },
    );
  }
}

/** A draft page list: the FDT over its pages, with the page count checked against its totalsize. */
async function readPageListFdt(
  ctx: DecodeContext,
  pages: number[],
  location: DiagnosticLocation,
): Promise<TargetBytes | null> {
  const misaligned = pages.find((page) => page % ctx.pageSize !== 0);
  if (misaligned !== undefined) {
    ctx.diagnostics.error('misaligned-pointer', `page ${hex(misaligned)} of the page list is not page-aligned`, {
      ...location,
      address: misaligned,
    });
    return null;
  }
  const totalSize = await fdtSizeAt(ctx, pages[0], location);
  if (totalSize === null) return null;
  const n = pages.length;
  const ps = ctx.pageSize;
  if (totalSize > n * ps) {
    ctx.diagnostics.error(
      'page-list-too-short',
      `the FDT's totalsize ${totalSize} needs ${Math.ceil(totalSize / ps)} pages but the list has ${n}: the fragment is truncated`,
      location,
    );
  } else if (totalSize <= (n - 1) * ps) {
    ctx.diagnostics.warning(
      'page-list-wasted-pages',
      `the list has ${n} pages but the FDT's totalsize ${totalSize} needs only ${Math.ceil(totalSize / ps)}`,
      location,
    );
  }
  const length = Math.min(totalSize, n * ps);
  const bytes = await readPages(ctx, pages, length, 'page-list FDT', location);
  return bytes && { location: { kind: 'pages', pages, pageSize: ps, length }, bytes, format: 'fdt' };
}
