import type { PhysRange } from '../../mem/PhysicalMemory';
import { pageRanges } from '../../mem/physRanges';
import type { KhoGraph } from '../model/KhoGraph';

/**
 * The pages a decoded graph says it stands on, as sorted, merged,
 * page-aligned ranges: every fragment's bytes (contiguous ranges, listed
 * pages), every anchor page, every page of a preserved-memory map's metadata
 * (chunks, bitmaps, radix nodes), every vmalloc chunk page and every block of
 * a block set. The carve keeps what the decode actually read; this is the
 * cross-check that the recording missed none of the structures the graph
 * names. Vmalloc data pieces are left out: a decoder reads only as much of
 * them as it needs. Ranges, never a list of pages: a lying extent can claim
 * 2^63 bytes.
 */
export function structuralPages(graph: KhoGraph, pageSize: number): PhysRange[] {
  const spans: PhysRange[] = [];
  const addSpan = (start: number, length: number) => spans.push({ start, end: start + length });
  for (const fragment of graph.fragments) {
    const location = fragment.location;
    if (location.kind === 'contiguous') addSpan(location.address, location.length);
    // A page list holds `length` bytes over its pages in order: only the pages that hold some are read.
    if (location.kind === 'pages')
      for (const page of location.pages.slice(0, Math.ceil(location.length / location.pageSize))) addSpan(page, 1);
  }
  for (const root of graph.roots) {
    for (const page of root.anchorChain?.anchorPages ?? []) addSpan(page, 1);
    for (const page of root.map?.metadataPages ?? []) addSpan(page, 1);
  }
  for (const area of graph.vmallocAreas) for (const chunk of area.chunks) addSpan(chunk, 1);
  for (const set of graph.blockSets) for (const block of set.blocks) addSpan(block.address, block.bytes);
  return pageRanges(spans, pageSize);
}
