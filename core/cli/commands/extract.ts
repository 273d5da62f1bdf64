import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { extractionFiles } from '../../kho/extract/extractionFiles';
import type { Command } from '../Command';
import { decodeImageGraph } from './decodeImageGraph';
import { UsageError } from '../UsageError';
import { IMAGE_OPTIONS_HELP, runImageCommand } from './imageArguments';

const help = `usage: khoscope extract IMAGE -o DIR [--root ADDR]... [--base ADDR] [--page-size N]

Writes the blobs of an image's KHO tree the way Linux's debugfs kho/out
shows them: DIR/fdt is the whole root FDT, DIR/sub_fdts/<name> each root
child's blob, and fragments below a child go to DIR/sub_fdts/<name>.d/<label>
(recursively; see docs/kho-graph.md). When several roots are found and no
--root is given, each root gets its own DIR/<root address>/.

options:
  -o, --output DIR  the folder to write (created if needed)
${IMAGE_OPTIONS_HELP}
`;

/** `khoscope extract`: the tree's blobs as files, debugfs-style. */
export const extractCommand: Command = {
  name: 'extract',
  summary: 'write the blobs of a KHO tree as files, laid out like debugfs kho/out',
  run: (args) =>
    runImageCommand('extract', help, { output: { type: 'string', short: 'o' } }, args, async (image, values) => {
      const output = values.output as string | undefined;
      if (output === undefined) throw new UsageError('give the output folder with -o DIR');
      const graph = await decodeImageGraph(image);
      const decoded = graph.roots.filter((root) => root.fragment !== null);
      const files = extractionFiles(graph, image.roots === null && decoded.length > 1);
      for (const file of files) {
        const path = join(output, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, file.bytes);
        process.stdout.write(`${file.path}  ${file.bytes.length} bytes (fragment ${file.fragment})\n`);
      }
      const errors = graph.diagnostics.filter((d) => d.severity === 'error').length;
      if (errors > 0) process.stderr.write(`khoscope extract: the tree has ${errors} error(s); see khoscope check\n`);
      if (files.length === 0) {
        process.stderr.write('khoscope extract: no root could be decoded, nothing was written\n');
        return 1;
      }
      return 0;
    }),
};
