import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { extractionFiles } from '../../kho/extract/extractionFiles';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { parseFormat } from '../parseFormat';
import { UsageError } from '../UsageError';
import { decodeImageGraph } from './decodeImageGraph';
import { IMAGE_OPTIONS_HELP, runImageCommand } from './imageArguments';

const help = `usage: khoscope extract IMAGE -o DIR [--format text|json] [--root ADDR]... [--base ADDR] [--page-size N]

Writes the blobs of an image's KHO tree the way Linux's debugfs kho/out
shows them: DIR/fdt is the whole root FDT, DIR/sub_fdts/<name> each root
child's blob, and fragments below a child go to DIR/sub_fdts/<name>.d/<label>
(recursively; see docs/kho-graph.md). When several roots are found and no
--root is given, each root gets its own DIR/<root address>/. Exit status 1
when no root could be decoded (nothing is written).

options:
  -o, --output DIR  the folder to write (created if needed)
${IMAGE_OPTIONS_HELP}
  --format text     one written file a line (default)
  --format json     the written files as JSON: [{"path", "bytes", "fragment"}]

${EXIT_CODES_HELP}`;

/** `khoscope extract`: the tree's blobs as files, debugfs-style. */
export const runExtract: CommandRun = (args) =>
  runImageCommand(
    'extract',
    help,
    { output: { type: 'string', short: 'o' }, format: { type: 'string' } },
    args,
    async (image, values) => {
      const output = values.output as string | undefined;
      if (output === undefined) throw new UsageError('give the output folder with -o DIR');
      const format = parseFormat(values.format, ['text', 'json']);
      const graph = await decodeImageGraph(image);
      const decoded = graph.roots.filter((root) => root.fragment !== null);
      const files = extractionFiles(graph, image.roots === null && decoded.length > 1);
      for (const file of files) {
        const path = join(output, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.bytes);
        if (format === 'text')
          process.stdout.write(`${file.path}  ${file.bytes.length} bytes (fragment ${file.fragment})\n`);
      }
      if (format === 'json') {
        const listed = files.map((file) => ({ path: file.path, bytes: file.bytes.length, fragment: file.fragment }));
        process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
      }
      const errors = graph.diagnostics.filter((d) => d.severity === 'error').length;
      if (errors > 0) process.stderr.write(`khoscope extract: the tree has ${errors} error(s); see khoscope check\n`);
      if (files.length === 0) {
        process.stderr.write('khoscope extract: no root could be decoded, nothing was written\n');
        return ExitCode.findings;
      }
      return ExitCode.ok;
    },
  );
