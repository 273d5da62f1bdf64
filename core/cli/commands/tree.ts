import { writeGraphJson } from '../../kho/render/graphToJson';
import { writeGraphDts } from '../../kho/render/renderGraphDts';
import { writeGraphText } from '../../kho/render/renderGraphText';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { parseFormat } from '../parseFormat';
import { decodeImageGraph } from './decodeImageGraph';
import { writeChunks } from '../writeChunks';
import { IMAGE_OPTIONS_HELP, runImageCommand } from './imageArguments';

const help = `usage: khoscope tree IMAGE [--root ADDR]... [--base ADDR] [--page-size N] [--format text|json|dts]

Decodes the KHO tree of an image (memory image, debugfs kho/out folder or
files, or a lone DTB) and prints it. Problems in the tree are shown where they
are and do not change the exit status (khoscope check does that).

options:
${IMAGE_OPTIONS_HELP}
  --format text     indented tree: pointers resolved inline, page lists, byte
                    orders, and diagnostics where they are (default)
  --format json     the whole graph as JSON (docs/graph-json-schema.md)
  --format dts      every fragment as DTS, with the right value readings as comments

${EXIT_CODES_HELP}`;

/** `khoscope tree`: the decoded KHO graph as text, JSON or DTS. */
export const runTree: CommandRun = (args) =>
  runImageCommand('tree', help, { format: { type: 'string' } }, args, async (image, values) => {
    const format = parseFormat(values.format, ['text', 'json', 'dts']);
    const graph = await decodeImageGraph(image);
    // Every format is streamed: the text of a large graph is never one string.
    if (format === 'json') {
      await writeChunks(process.stdout, writeGraphJson(graph));
      process.stdout.write('\n');
    }
    // DTS comes as bytes, names byte for byte (one char per byte), like `khoscope dts`.
    else if (format === 'dts') await writeChunks(process.stdout, writeGraphDts(graph));
    else await writeChunks(process.stdout, writeGraphText(graph));
    return ExitCode.ok;
  });
