import { resolve } from 'node:path';
import { carveImage } from '../../kho/carve/carveImage';
import { DEFAULT_MAX_DATA_BYTES } from '../../kho/carve/CarveOptions';
import { graphDifference } from '../../kho/carve/graphDifference';
import { hex } from '../../bytes/readers';
import { writeExportFile } from '../../mem/export/NodeExportWriter';
import { CarveError } from '../../kho/carve/CarveError';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { parseFormat } from '../parseFormat';
import { parseNumber } from '../parseNumber';
import { ProgressLine } from '../ProgressLine';
import { UsageError } from '../UsageError';
import { decodeImageGraph, decodeOptionsFor } from './decodeImageGraph';
import { IMAGE_OPTIONS_HELP, openImageArguments, runImageCommand } from './imageArguments';
import { requireMemoryImage } from './requireMemoryImage';

const help = `usage: khoscope carve IMAGE -o OUT.elf [--include-data [--max-data N]] [--format text|json]
                      [--root ADDR]... [--base ADDR] [--page-size N]

Writes a small ELF core that holds only what the image's KHO tree uses: the
roots, blobs, page lists, anchor and preserved-memory map pages, and the LUO,
memfd and vmalloc structures, exactly the bytes the decoder reads. Everything
else (reserve-mem regions, memfd content, the rest of the machine) reads as
zero, so the file can go with a bug report instead of the whole memory dump.
The carved file keeps the image's RAM ranges, page size and kernel release,
and is decoded again before carve reports success: it must give the same KHO
graph (exit status 1 when it does not, or when there is nothing to carve).
On a terminal, stderr shows how far it has got. See docs/carve.md.

options:
  -o FILE           the ELF core to write (also --output FILE)
  --include-data    also keep the preserved data: every page the preserved-memory
                    maps mark preserved. That is where secrets live.
  --max-data N      most bytes of preserved data --include-data may add
                    (default ${DEFAULT_MAX_DATA_BYTES / (1024 * 1024)} MiB); more is refused
${IMAGE_OPTIONS_HELP}
  --format text     what was written and the check, in words (default)
  --format json     the same as JSON: {"output", "bytes", "pages", "keptBytes",
                    "dataBytes", "roots", "checked": {"fragments", "links", "diagnostics"}}

${EXIT_CODES_HELP}`;

/** `khoscope carve`: a small, shareable ELF core of just the KHO tree. */
export const runCarve: CommandRun = (args) =>
  runImageCommand(
    'carve',
    help,
    {
      output: { type: 'string', short: 'o' },
      'include-data': { type: 'boolean' },
      'max-data': { type: 'string' },
      format: { type: 'string' },
    },
    args,
    async (imageArgs, values) => {
      const output = values.output as string | undefined;
      if (output === undefined) throw new UsageError('give the file to write with -o OUT.elf');
      if (imageArgs.paths.some((path) => resolve(path) === resolve(output)))
        throw new UsageError(`${output} is the image itself: carve would overwrite what it reads`);
      const maxData = values['max-data'] as string | undefined;
      const includeData = values['include-data'] === true;
      if (maxData !== undefined && !includeData) throw new UsageError('--max-data only goes with --include-data');
      const format = parseFormat(values.format, ['text', 'json']);
      const maxDataBytes = maxData === undefined ? undefined : parseNumber(maxData, '--max-data');

      const opened = await openImageArguments(imageArgs);
      const progress = new ProgressLine();
      let carved: Awaited<ReturnType<typeof carveImage>>;
      try {
        const image = requireMemoryImage(
          opened.image,
          imageArgs,
          'holds only blobs already: there is no memory to carve',
        );
        const decode = await decodeOptionsFor(image, imageArgs, progress);
        carved = await carveImage(image, { ...decode, includeData, maxDataBytes });
        progress.update(`writing ${output}`, true);
        await writeExportFile(carved.file, output);
      } catch (error) {
        if (!(error instanceof CarveError)) throw error;
        process.stderr.write(`khoscope carve: ${error.message}\n`);
        return ExitCode.findings;
      } finally {
        progress.clear();
        await opened.close();
      }
      const roots = carved.graph.roots.flatMap((root) => (root.address === null ? [] : [hex(root.address)]));
      const check = await decodeImageGraph({ ...imageArgs, paths: [output], base: undefined, raw: false });
      const difference = graphDifference(carved.graph, check);
      if (format === 'json') {
        const report = {
          output,
          bytes: carved.file.size,
          pages: carved.pages,
          keptBytes: carved.kept.totalBytes,
          dataBytes: carved.dataBytes,
          roots,
          checked:
            difference === null
              ? {
                  fragments: check.fragments.length,
                  links: check.links.length,
                  diagnostics: check.diagnostics.length,
                }
              : null,
        };
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        const data = includeData ? `, ${carved.dataBytes} of them preserved data` : '';
        process.stdout.write(
          `wrote ${output}: ${carved.file.size} bytes, ${carved.pages} pages holding ${carved.kept.totalBytes} bytes of the image${data}; roots ${roots.join(', ')}\n`,
        );
      }
      if (difference !== null) {
        process.stderr.write(
          `khoscope carve: ${output} does not decode to the same KHO graph as the image (${difference}); the file is kept for a bug report about carve\n`,
        );
        return ExitCode.findings;
      }
      if (format === 'text')
        process.stdout.write(
          `checked: ${output} decodes to the same KHO graph (${check.fragments.length} fragments, ${check.links.length} links, ${check.diagnostics.length} diagnostics)\n`,
        );
      return ExitCode.ok;
    },
  );
