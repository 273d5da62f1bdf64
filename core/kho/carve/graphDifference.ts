import type { KhoGraph } from '../model/KhoGraph';
import { writeGraphJson } from '../render/graphToJson';

/**
 * Diagnostics about the input file rather than the tree: what its container
 * tolerated (`image-warning`) and chunks the page scan could not read
 * (`scan-problem`). A carved image is a new, clean file, so it has neither.
 */
const ABOUT_THE_FILE = new Set(['image-warning', 'scan-problem']);

/**
 * Where two graphs of one tree differ, as "line N of the JSON: … / …", or
 * null when they are the same. Compares `writeGraphJson` output (every
 * fragment, link, value, map and diagnostic) and every byte array byte for
 * byte, except the source's file
 * name and the diagnostics about the input file. Used to check that a carved
 * image decodes to the graph of the image it was carved from.
 */
export function graphDifference(expected: KhoGraph, actual: KhoGraph): string | null {
  // Line by line as the two texts are made, neither ever held whole; byte
  // arrays stand in the text as their number, and are compared as bytes.
  const expectedBytes: Uint8Array[] = [];
  const actualBytes: Uint8Array[] = [];
  const a = lines(comparable(expected, expectedBytes));
  const b = lines(comparable(actual, actualBytes));
  for (let line = 1; ; line++) {
    const left = a.next();
    const right = b.next();
    if (left.done && right.done) break;
    if (left.value !== right.value) {
      const shown = (text: string | undefined): string => (text === undefined ? '(end)' : shorten(text.trim()));
      return `line ${line} of the graph JSON: expected ${shown(left.value)}, got ${shown(right.value)}`;
    }
  }
  for (const [i, bytes] of expectedBytes.entries()) {
    const at = firstDifference(bytes, actualBytes[i]);
    if (at >= 0) return `byte array #${i} of the graph JSON differs at byte ${at}`;
  }
  return null;
}

/**
 * The graph's JSON with each byte array written as `N bytes (#i)` and kept in
 * `arrays` at index i (the same lines either way; the bytes are compared apart).
 */
function comparable(graph: KhoGraph, arrays: Uint8Array[]): Generator<string> {
  return writeGraphJson(
    {
      ...graph,
      source: { ...graph.source, name: '' },
      diagnostics: graph.diagnostics.filter((d) => !ABOUT_THE_FILE.has(d.code)),
    },
    { bytesAs: (bytes) => `${bytes.length} bytes (#${arrays.push(bytes) - 1})` },
  );
}

/** The first offset where two arrays of the same length differ, or -1. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** The lines of text that comes in chunks. */
function* lines(chunks: Iterable<string>): Generator<string, undefined> {
  let rest = '';
  for (const chunk of chunks) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  yield rest;
  return undefined;
}

/** A line of the message at most 200 chars long. */
function shorten(text: string): string {
  return text.length <= 200 ? text : `${text.slice(0, 200)}… (${text.length} chars)`;
}
