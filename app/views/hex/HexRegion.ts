import type { Fragment, KhoGraph } from '../../../core/kho';
import type { Selection } from '../../model/Selection';
import { formatHex } from '../../format/formatHex';
import { formatSize } from '../../format/formatSize';

/**
 * What the hex view shows: a fragment's bytes (in its own byte order: page
 * lists page by page in list order) or a range of physical memory. Bytes
 * are numbered by region offset; for a fragment region that is the offset
 * inside the fragment.
 */
export interface HexRegion {
  /** Same key, same region (the view keeps its scroll position). */
  key: string;
  title: string;
  /** The fragment whose bytes these are, or null for physical memory (read through `readMemory`). */
  fragment: string | null;
  segments: HexSegment[];
  /** Bytes beyond the view's limit that are not shown. */
  truncated: number;
}

/** A run of bytes that are contiguous in memory (or in a file). */
export interface HexSegment {
  /** Region offset of the first byte. */
  offset: number;
  length: number;
  /** Physical address of the first byte, or null (a debugfs file has none). */
  address: number | null;
  /** Divider text above the segment. */
  label: string;
}

/** The most bytes one region shows (the scroll height of a region must stay within what browsers can scroll). */
export const MAX_REGION_BYTES = 8 * 1024 * 1024;

/** A fragment's bytes: one segment per listed page for a page list, one for a contiguous range or a file. */
export function fragmentRegion(fragment: Fragment): HexRegion {
  const location = fragment.location;
  const total = fragment.bytes.length;
  const shown = Math.min(total, MAX_REGION_BYTES);
  const title = `fragment ${fragment.id}${fragment.compatible ? ` (${fragment.compatible})` : ''}, ${formatSize(total)}`;
  const base = { key: `fragment:${fragment.id}`, title, fragment: fragment.id, truncated: total - shown };
  switch (location.kind) {
    case 'contiguous':
      return {
        ...base,
        segments: [
          { offset: 0, length: shown, address: location.address, label: `${formatHex(location.address)}, contiguous` },
        ],
      };
    case 'file':
      return {
        ...base,
        segments: [
          {
            offset: 0,
            length: shown,
            address: null,
            label: `file ${location.path} (no physical address: offsets in the file)`,
          },
        ],
      };
    case 'pages': {
      const segments: HexSegment[] = [];
      const size = location.pageSize;
      location.pages.forEach((page, i) => {
        const offset = i * size;
        if (offset >= shown) return;
        const previous = location.pages[i - 1];
        const jump =
          previous === undefined || page === previous + size
            ? ''
            : `, not after the previous page (${page > previous ? 'skips' : 'goes back'} ${formatSize(Math.abs(page - (previous + size)))})`;
        segments.push({
          offset,
          length: Math.min(size, shown - offset),
          address: page,
          label: `page ${i + 1} of ${location.pages.length} at ${formatHex(page)}${jump}`,
        });
      });
      return { ...base, segments };
    }
  }
}

/** `length` bytes of physical memory from `address` (capped at MAX_REGION_BYTES). */
export function memoryRegion(address: number, length: number): HexRegion {
  const shown = Math.max(1, Math.min(length, MAX_REGION_BYTES));
  return {
    key: `memory:${address}:${shown}`,
    title: `memory ${formatHex(address)} – ${formatHex(address + length)}, ${formatSize(length)}`,
    fragment: null,
    segments: [{ offset: 0, length: shown, address, label: `${formatHex(address)}, physical memory` }],
    truncated: Math.max(0, length - shown),
  };
}

/**
 * The region that shows `selection`: the fragment of a fragment, node,
 * property or diagnostic; the target of a link (or the page it points at
 * when the target was not read); the range of a memory selection (or the
 * page of a diagnostic with only an address). Null when there is none.
 */
export function regionForSelection(graph: KhoGraph, selection: Selection | null): HexRegion | null {
  if (selection === null) return null;
  const fragmentById = (id: string | null | undefined) =>
    id ? graph.fragments.find((fragment) => fragment.id === id) : undefined;
  const pageOf = (address: number) => memoryRegion(address - (address % graph.source.pageSize), graph.source.pageSize);
  switch (selection.kind) {
    case 'fragment':
    case 'node':
    case 'property': {
      const fragment = fragmentById(selection.fragment);
      return fragment ? fragmentRegion(fragment) : null;
    }
    case 'link': {
      const link = graph.links.find((candidate) => candidate.id === selection.link);
      if (!link) return null;
      const target = fragmentById(link.to);
      if (target) return fragmentRegion(target);
      return link.addresses.length > 0 && graph.source.kind === 'memory' ? pageOf(link.addresses[0]) : null;
    }
    case 'diagnostic': {
      const location = graph.diagnostics[selection.index]?.location;
      const fragment = fragmentById(location?.fragment);
      if (fragment) return fragmentRegion(fragment);
      return location?.address !== undefined && graph.source.kind === 'memory' ? pageOf(location.address) : null;
    }
    case 'memory':
      return graph.source.kind === 'memory' ? memoryRegion(selection.address, selection.length) : null;
  }
}
