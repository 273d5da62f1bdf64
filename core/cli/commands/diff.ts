import { compareRoots } from '../../kho/compare/compareRoots';
import { renderComparisonText } from '../../kho/compare/renderComparisonText';
import { hex } from '../../bytes/readers';
import type { KhoGraph, KhoRoot } from '../../kho/model/KhoGraph';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { parseFormat } from '../parseFormat';
import { parseNumber } from '../parseNumber';
import { UsageError } from '../UsageError';
import { decodeImageGraph } from './decodeImageGraph';
import { IMAGE_OPTIONS_HELP, runImageCommand, type ImageArguments } from './imageArguments';

/** The shared image options but --root (its first two lines), which diff redefines per side. */
const SHARED_OPTIONS_HELP = IMAGE_OPTIONS_HELP.split('\n').slice(2).join('\n');

const help = `usage: khoscope diff A [B] [--root ADDR] [--root-b ADDR] [--format text|json]
                     [--base ADDR] [--page-size N] [--raw]

Compares the KHO tree below one root with the tree below another: two
images (the outgoing root of one kernel against the incoming root of the
next), or, with one image, two of its roots. Fragments are matched by their
place in the tree, not by physical address, so a blob that moved is the
same blob; a pointer whose value changed is listed as moved and does not
make the trees differ. Lines start with + added, - removed, ~ changed,
> moved pointer.

Exit status: 0 when the trees are equal, 1 when they differ, 2 for a usage
mistake (or an image with several roots and no --root), 3 when an image
cannot be read.

options:
  --root ADDR       the root of A (needed when A has several)
  --root-b ADDR     the root of B; with one image, the second root to compare
  --format F        text (default) or json (the comparison as data: docs/editing.md)
${SHARED_OPTIONS_HELP}
  (--base, --page-size and --raw apply to both images)

${EXIT_CODES_HELP}`;

/** `khoscope diff`: what differs between two KHO trees, like diff(1). */
export const runDiff: CommandRun = (args) =>
  runImageCommand(
    'diff',
    help,
    { 'root-b': { type: 'string' }, format: { type: 'string' } },
    args,
    async (image, values) => {
      const format = parseFormat(values.format, ['text', 'json']);
      if (image.paths.length > 2) throw new UsageError('give one or two images (A and B)');
      if ((image.roots?.length ?? 0) > 1)
        throw new UsageError('give --root once (the root of A); --root-b names the root of B');
      const rootA = image.roots?.[0] ?? null;
      const rootBText = values['root-b'] as string | undefined;
      const rootB = rootBText === undefined ? null : parseNumber(rootBText, '--root-b');
      const oneImage = image.paths.length === 1;
      if (oneImage && (rootA === null || rootB === null))
        throw new UsageError('with one image, give both roots to compare: --root ADDR --root-b ADDR');
      let graphA: KhoGraph;
      let graphB: KhoGraph;
      try {
        const [pathA, pathB] = oneImage ? [image.paths[0], image.paths[0]] : image.paths;
        graphA = await decodeImageGraph(sideArguments(image, pathA, rootA));
        graphB = await decodeImageGraph(sideArguments(image, pathB, rootB));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        process.stderr.write(`khoscope diff: ${error instanceof Error ? error.message : String(error)}\n`);
        return ExitCode.unreadableInput;
      }
      const comparison = compareRoots(
        { graph: graphA, root: chooseRoot(graphA, rootA, 'A', '--root') },
        { graph: graphB, root: chooseRoot(graphB, rootB, 'B', '--root-b') },
      );
      process.stdout.write(
        format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : renderComparisonText(comparison),
      );
      return comparison.equal ? ExitCode.ok : ExitCode.findings;
    },
  );

/** The arguments to open one side: its path, the shared options, and its root (or discovery). */
function sideArguments(image: ImageArguments, path: string, root: number | null): ImageArguments {
  return { ...image, paths: [path], roots: root === null ? null : [root] };
}

/** The root to compare: the one asked for, else the image's only decoded root. */
function chooseRoot(graph: KhoGraph, address: number | null, side: string, option: string): KhoRoot {
  const decoded = graph.roots.filter((root) => root.fragment !== null);
  const root = address === null ? decoded[0] : decoded.find((r) => r.address === address);
  if (address === null && decoded.length > 1)
    throw new UsageError(
      `${side} (${graph.source.name}) has ${decoded.length} KHO roots (${decoded.map((r) => (r.address === null ? r.fragment : hex(r.address))).join(', ')}): choose one with ${option} ADDR`,
    );
  if (!root)
    throw new UsageError(
      address === null
        ? `${side} (${graph.source.name}) has no KHO root that could be decoded`
        : `${side} (${graph.source.name}) has no decodable KHO root at ${hex(address)}`,
    );
  return root;
}
