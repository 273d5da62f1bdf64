import { decodeKhoGraph } from '../core/kho/decode/decodeKhoGraph';
import { extractionFiles } from '../core/kho/extract/extractionFiles';
import type { KhoGraph } from '../core/kho/model/KhoGraph';
import { openImage } from '../core/mem/openImage';
import { BytesSource } from '../core/mem/sources/BytesSource';

/** Whether the round trip was claimed for a graph and, when it was, what broke (null: it held). */
export type RoundTripVerdict = { claimed: false } | { claimed: true; broken: string | null };

/** What of a set's decoded tree the round trip must keep: every fragment and link, in order. */
function treeOf(graph: KhoGraph): string[] {
  const hexOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return [
    ...graph.roots.map((root) => `root ${root.fragment} ${root.compatible} ${root.version?.compatible ?? null}`),
    ...graph.fragments.map((f) => `fragment ${f.id} ${f.format} ${f.compatible} ${f.size} ${hexOf(f.bytes)}`),
    ...graph.links.map(
      (l) =>
        `link ${l.from.fragment} ${l.from.node} ${l.from.property} ${l.scheme} -> ${l.to} ${l.addresses} ${l.size}`,
    ),
  ];
}

/**
 * The blob-set export a user has for a decoded debugfs set (`khoscope
 * extract`, the explorer's `kho/out` tar: `extractionFiles`), opened again
 * as a set and decoded, must give the same tree: the same roots, the same
 * fragments (id, format, compatible, size, bytes) and the same links (from,
 * scheme, target, addresses, size), in the same order. Scratch lists, the
 * `cmdline` and ignored files are not extracted, so scratch areas and
 * diagnostics are not compared.
 *
 * Claimed only where the extraction is the set itself: one root, more than
 * one file (a lone `fdt` opens as a DTB), and every file written under its
 * fragment's id (no name the layout had to change: `.`, `..`, a NUL, a
 * second link to one name). Says whether it was claimed and, if so, what broke.
 */
export async function checkExtractRoundTrip(graph: KhoGraph): Promise<RoundTripVerdict> {
  if (graph.source.kind !== 'debugfs' || graph.roots.length !== 1 || graph.roots[0].fragment === null)
    return { claimed: false };
  const files = extractionFiles(graph, false);
  if (files.length < 2 || files.some((file) => file.path !== file.fragment)) return { claimed: false };
  const written = new Set(files.map((file) => file.fragment));
  const lost = graph.fragments.find((fragment) => !written.has(fragment.id));
  if (lost) return { claimed: true, broken: `extract writes no file for fragment ${lost.id}` };
  const reopened = await decodeKhoGraph(await openImage(files.map((file) => new BytesSource(file.bytes, file.path))));
  const before = treeOf(graph);
  const after = treeOf(reopened);
  const at = before.findIndex((line, i) => line !== after[i]);
  if (at === -1 && before.length === after.length) return { claimed: true, broken: null };
  const first = at === -1 ? after.length : at;
  const cut = (line: string | undefined) => (line ?? '(nothing)').slice(0, 160);
  return {
    claimed: true,
    broken: `the extracted set decodes to another tree: ${cut(before[first])} became ${cut(after[first])}`,
  };
}
