import type { KhoGraph } from '../model/KhoGraph';
import { graphToJson } from '../render/graphToJson';

/**
 * Diagnostics about the input file rather than the tree: what its container
 * tolerated (`image-warning`) and chunks the page scan could not read
 * (`scan-problem`). A carved image is a new, clean file, so it has neither.
 */
const ABOUT_THE_FILE = new Set(['image-warning', 'scan-problem']);

/**
 * Where two graphs of one tree differ, as "line N of the JSON: … / …", or
 * null when they are the same. Compares `graphToJson` output (every
 * fragment, byte, link, value, map and diagnostic) except the source's file
 * name and the diagnostics about the input file. Used to check that a carved
 * image decodes to the graph of the image it was carved from.
 */
export function graphDifference(expected: KhoGraph, actual: KhoGraph): string | null {
  const a = comparable(expected).split('\n');
  const b = comparable(actual).split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1} of the graph JSON: expected ${a[i]?.trim() ?? '(end)'}, got ${b[i]?.trim() ?? '(end)'}`;
  }
  return null;
}

function comparable(graph: KhoGraph): string {
  return graphToJson({
    ...graph,
    source: { ...graph.source, name: '' },
    diagnostics: graph.diagnostics.filter((d) => !ABOUT_THE_FILE.has(d.code)),
  });
}
