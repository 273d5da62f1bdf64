import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { addedDiagnostics } from '../../edit/addedDiagnostics';
import { EditError } from '../../edit/EditError';
import { EditLog } from '../../edit/EditLog';
import { editStateFromGraph } from '../../edit/editStateFromGraph';
import {
  decodeEditedGraph,
  editedDebugfsFiles,
  editedFragmentDts,
  editedGraphJson,
  exportEditedImage,
} from '../../edit/export/exportEdit';
import { resolveEditPath } from '../../edit/paths/resolveEditPath';
import type { EditPlan } from '../../edit/reencode/EditPlan';
import { planEdit } from '../../edit/reencode/planEdit';
import { hex } from '../../bytes/readers';
import { decodeKhoGraph } from '../../kho/decode/decodeKhoGraph';
import type { PreservedBlock } from '../../kho/maps/PreservedBlock';
import { writeExportFile } from '../../mem/export/NodeExportWriter';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { ProgressLine } from '../ProgressLine';
import { UsageError } from '../UsageError';
import { decodeOptionsFor } from './decodeImageGraph';
import { editOperationFor, takeEditArguments } from './editOperationArguments';
import { IMAGE_OPTIONS_HELP, openImageArguments, runImageCommand } from './imageArguments';
import { requireMemoryImage } from './requireMemoryImage';

const help = `usage: khoscope edit IMAGE -o OUT [operation]... [--format image|dts|json|debugfs]
                     [--fragment PATH] [--allow-nonzero-pages] [--force]
                     [--root ADDR]... [--base ADDR] [--page-size N]

Changes the KHO tree of a memory image and writes an image the next kernel
would accept (docs/editing.md): changed fragments are written back in place
when they fit, or onto pages taken from provably free memory; pointers,
page lists, blob-size, anchor chains and the preserved-memory map follow.
An edit that cannot be made on this tree is refused (exit status 1) and
nothing is written. On a terminal, stderr shows how far it has got.

operations (repeatable; applied in the order given):
  --set PATH:PROP=VALUE     set a property (added when the node lacks it)
  --delete PATH[:PROP]      remove a property, or a node with everything below it
  --add-node PATH           add an empty node
  --rename PATH[:PROP]=NEW  rename a node or a property
  --split PATH              move an in-place node out into a fragment of its own
  --inline PATH             take the fragment a node links to back into the node
  --page-order PATH=le|be   write a draft page list in the other byte order
  --add-fragment PATH=FILE.dts
                            add a node linking to a new fragment holding FILE.dts

  PATH is written from the top of the tree and crosses links: /gpu@0x100000000/node1
  is node1 inside the fragment gpu@0x100000000 links to. {0x40002000}/node1 starts
  at fragment 0x40002000 instead of the first root.
  VALUE is DTS value syntax (<0x1 0x2>, "str", [00 01], /bits/ 64 <0x1234>) or
  u64le:0x1234 (also u32le:, u16le:; comma-separated lists) for KHO's
  little-endian integers.

output:
  -o, --output OUT          the file (or folder, for debugfs) to write
  --format image            the edited image, in the input's container (default;
                            kdump input is written as ELF)
  --format dts              the DTS of one edited fragment (--fragment PATH; the
                            root by default)
  --format json             the edited graph as JSON
  --format debugfs          the edited tree as debugfs kho/out files, in folder OUT
  --allow-nonzero-pages     let the allocator take pages that are not all zero
  --force                   like dtc -f: take an --add-fragment DTS file that dtc's
                            checks refuse (a name property unlike the node's name,
                            duplicate or -1 phandles), each problem printed as a warning
${IMAGE_OPTIONS_HELP}

${EXIT_CODES_HELP}`;

const FORMATS = ['image', 'dts', 'json', 'debugfs'] as const;

/** `khoscope edit`: operations on a KHO tree, written back as an image (or DTS, JSON, debugfs files). */
export const runEdit: CommandRun = async (args) => {
  let taken: ReturnType<typeof takeEditArguments>;
  try {
    taken = takeEditArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`khoscope edit: ${error.message}\n${help}`);
    return ExitCode.usage;
  }
  const { edits, rest } = taken;
  const extra = {
    output: { type: 'string', short: 'o' },
    format: { type: 'string' },
    fragment: { type: 'string' },
    'allow-nonzero-pages': { type: 'boolean' },
    force: { type: 'boolean' },
  } as const;
  return runImageCommand('edit', help, extra, rest, async (image, values) => {
    const output = values.output as string | undefined;
    const format = (values.format as string | undefined) ?? 'image';
    if (output === undefined) throw new UsageError('give the output with -o OUT');
    if (!(FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    const opened = await openImageArguments(image);
    const progress = new ProgressLine();
    try {
      const memoryImage = requireMemoryImage(opened.image, image, 'has no physical memory to write fragments into');
      const graph = await decodeKhoGraph(memoryImage, await decodeOptionsFor(memoryImage, image, progress));
      progress.clear();
      let log: EditLog;
      let plan: EditPlan;
      try {
        log = new EditLog(editStateFromGraph(graph));
        for (const edit of edits) {
          const op = editOperationFor(log.state, edit, {
            force: values.force === true,
            onForced: (message) => process.stderr.write(`khoscope edit: warning: ${message} (taken with --force)\n`),
          });
          log = log.apply(op);
          process.stdout.write(`--${edit.flag} ${edit.text}: ${op.op} in fragment ${op.fragment} ${op.node}\n`);
        }
        progress.update('planning the edit', true);
        plan = await planEdit(memoryImage.memory, graph, log.state, {
          allowNonZeroPages: values['allow-nonzero-pages'] === true,
        });
      } catch (error) {
        if (!(error instanceof EditError)) throw error;
        progress.clear();
        process.stderr.write(`khoscope edit: ${error.message}\n`);
        return ExitCode.findings;
      }
      progress.clear();
      process.stdout.write(summary(plan));
      progress.update(`writing ${output}`, true);
      if (format === 'image') {
        const exported = await exportEditedImage(memoryImage, plan);
        await writeExportFile(exported.files[0], output);
        progress.clear();
        process.stdout.write(`wrote ${output} (${exported.container}, ${exported.files[0].size} bytes)\n`);
      } else if (format === 'json') {
        await writeFile(output, `${await editedGraphJson(memoryImage, plan, graph)}\n`);
      } else if (format === 'dts') {
        const fragment =
          values.fragment === undefined
            ? log.state.roots[0]?.fragment
            : resolveEditPath(log.state, values.fragment as string).content.fragment;
        if (fragment === undefined) throw new UsageError('the image has no root: name a fragment with --fragment PATH');
        await writeFile(output, Buffer.from(editedFragmentDts(plan, fragment), 'latin1'));
      } else {
        for (const file of await editedDebugfsFiles(memoryImage, plan, graph)) {
          const path = join(output, file.path);
          await mkdir(dirname(path), { recursive: true });
          await writeFile(path, file.bytes);
        }
      }
      progress.update('checking the edited tree', true);
      await reportNewDiagnostics(memoryImage, plan, graph, progress);
      return ExitCode.ok;
    } finally {
      progress.clear();
      await opened.close();
    }
  });
};

function summary(plan: EditPlan): string {
  const lines: string[] = [];
  for (const fragment of plan.fragments) {
    if (fragment.fate === 'unchanged') continue;
    const where =
      fragment.location.kind === 'pages'
        ? `pages ${fragment.location.pages.map(hex).join(' + ')}`
        : fragment.location.kind === 'contiguous'
          ? `at ${hex(fragment.location.address)}`
          : '';
    lines.push(`fragment ${fragment.id}: ${fragment.fate}, ${fragment.bytes.length} bytes ${where}`);
  }
  for (const id of plan.dropped) lines.push(`fragment ${id}: no longer linked, its memory given back`);
  const entries = (blocks: PreservedBlock[]) =>
    blocks.length === 0 ? 'none' : blocks.map((block) => `order ${block.order} at ${hex(block.address)}`).join(', ');
  for (const map of plan.maps)
    lines.push(
      `map of root ${map.root}: entries added: ${entries(map.added)}; removed: ${entries(map.removed)}; every other entry kept; ${map.metadataPages.length} map page(s) at ${hex(map.after)}`,
    );
  if (plan.allocated.length > 0) lines.push(`pages taken from free memory: ${plan.allocated.map(hex).join(', ')}`);
  lines.push(`${plan.pages.size} page(s) changed`);
  return `${lines.join('\n')}\n`;
}

/** Tells the user about problems the edited tree has that the input did not (the edit is still written). */
async function reportNewDiagnostics(
  image: Parameters<typeof decodeEditedGraph>[0],
  plan: EditPlan,
  graph: Parameters<typeof decodeEditedGraph>[2],
  progress: ProgressLine,
): Promise<void> {
  const after = await decodeEditedGraph(image, plan, graph);
  progress.clear();
  for (const diagnostic of addedDiagnostics(graph.diagnostics, after.diagnostics)) {
    process.stderr.write(
      `khoscope edit: warning: the edited tree has a new ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}
`,
    );
  }
}
