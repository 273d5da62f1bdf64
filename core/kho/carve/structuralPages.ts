import type { KhoGraph } from '../model/KhoGraph';

/**
 * The pages a decoded graph says it stands on: every fragment's bytes
 * (contiguous ranges, listed pages), every anchor page, every page of a
 * preserved-memory map's metadata (chunks, bitmaps, radix nodes), every
 * vmalloc chunk page and every block of a block set. The carve keeps what
 * the decode actually read; this list is the cross-check that the recording
 * missed none of the structures the graph names. Vmalloc data pieces are
 * left out: a decoder reads only as much of them as it needs.
 */
export function structuralPages(graph: KhoGraph, pageSize: number): number[] {
  const pages = new Set<number>();
  const addSpan = (start: number, length: number) => {
    for (let page = start - (start % pageSize); page < start + length; page += pageSize) pages.add(page);
  };
  for (const fragment of graph.fragments) {
    const location = fragment.location;
    if (location.kind === 'contiguous') addSpan(location.address, location.length);
    // A page list holds `length` bytes over its pages in order: only the pages that hold some are read.
    if (location.kind === 'pages')
      location.pages.slice(0, Math.ceil(location.length / location.pageSize)).forEach((page) => addSpan(page, 1));
  }
  for (const root of graph.roots) {
    root.anchorChain?.anchorPages.forEach((page) => addSpan(page, 1));
    root.map?.metadataPages.forEach((page) => addSpan(page, 1));
  }
  for (const area of graph.vmallocAreas) area.chunks.forEach((chunk) => addSpan(chunk, 1));
  for (const set of graph.blockSets) set.blocks.forEach((block) => addSpan(block.address, block.bytes));
  return [...pages].sort((a, b) => a - b);
}
