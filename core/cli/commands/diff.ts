import { compareRoots } from '../../kho/compare/compareRoots';
import type { GraphComparison } from '../../kho/compare/GraphComparison';
import { renderComparisonText } from '../../kho/compare/renderComparisonText';
import { incomingAndOutgoing } from '../../kho/roles/incomingAndOutgoing';
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
next), or two roots of one image: those given, else its incoming root (the
tree it received, consumed at boot) against its outgoing one, which shows
what survived the hop. Fragments are matched by their place in the tree,
not by physical address, so a blob that moved is the same blob; a pointer
whose value changed is listed as moved and does not make the trees differ.
Lines start with + added, - removed, ~ changed, > moved pointer.

Like diff(1): 0 when the trees are equal, 1 when they differ. An image with
several roots and no --root naming one is a usage error (2).

options:
  --root ADDR       the root of A (needed when A has several)
  --root-b ADDR     the root of B; with one image, the second root to compare
                    (without --root and --root-b: incoming, then outgoing)
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
      if (oneImage && (rootA === null) !== (rootB === null))
        throw new UsageError('with one image, give both roots to compare (--root ADDR --root-b ADDR), or neither');
      let graphA: KhoGraph;
      let graphB: KhoGraph;
      try {
        const [pathA, pathB] = oneImage ? [image.paths[0], image.paths[0]] : image.paths;
        graphA = await decodeImageGraph(sideArguments(image, pathA, rootA));
        // One image, no roots given: one decode holds both roots.
        graphB = oneImage && rootA === null ? graphA : await decodeImageGraph(sideArguments(image, pathB, rootB));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        process.stderr.write(`khoscope diff: ${error instanceof Error ? error.message : String(error)}\n`);
        return ExitCode.unreadableInput;
      }
      const comparison =
        oneImage && rootA === null
          ? compareIncomingWithOutgoing(graphA)
          : compareRoots(
              { graph: graphA, root: chooseRoot(graphA, rootA, 'A', '--root') },
              { graph: graphB, root: chooseRoot(graphB, rootB, 'B', '--root-b') },
            );
      process.stdout.write(
        format === 'json' ? `${JSON.stringify(comparison, null, 2)}\n` : renderComparisonText(comparison),
      );
      return comparison.equal ? ExitCode.ok : ExitCode.findings;
    },
  );

/** One image without roots named: its incoming root (a) against its outgoing one (b), when it holds one of each. */
function compareIncomingWithOutgoing(graph: KhoGraph): GraphComparison {
  const pair = incomingAndOutgoing(graph);
  if (!pair)
    throw new UsageError(
      `${graph.source.name} does not hold one incoming and one outgoing root (${rootList(graph)}): give the two roots to compare with --root ADDR --root-b ADDR`,
    );
  return compareRoots({ graph, root: pair.incoming }, { graph, root: pair.outgoing });
}

/** The decoded roots as `0x100000 (incoming), 0x200000 (outgoing)`, for messages. */
function rootList(graph: KhoGraph): string {
  const decoded = graph.roots.filter((root) => root.fragment !== null);
  if (decoded.length === 0) return 'no root could be decoded';
  return decoded
    .map((r) => {
      const where = r.address === null ? r.fragment : hex(r.address);
      return r.role && r.role.role !== 'unknown' ? `${where} (${r.role.role})` : where;
    })
    .join(', ');
}

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
      `${side} (${graph.source.name}) has ${decoded.length} KHO roots (${rootList(graph)}): choose one with ${option} ADDR`,
    );
  if (!root)
    throw new UsageError(
      address === null
        ? `${side} (${graph.source.name}) has no KHO root that could be decoded`
        : `${side} (${graph.source.name}) has no decodable KHO root at ${hex(address)}`,
    );
  return root;
}
