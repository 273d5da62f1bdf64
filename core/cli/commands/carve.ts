import { resolve } from 'node:path';
import { carveImage } from '../../kho/carve/carveImage';
import { DEFAULT_MAX_DATA_BYTES } from '../../kho/carve/CarveOptions';
import { graphDifference } from '../../kho/carve/graphDifference';
import { hex } from '../../bytes/readers';
import { writeExportFile } from '../../mem/export/NodeExportWriter';
import type { Command } from '../Command';
import { parseNumber } from '../parseNumber';
import { UsageError } from '../UsageError';
import { decodeImageGraph } from './decodeImageGraph';
import { IMAGE_OPTIONS_HELP, openImageArguments, runImageCommand } from './imageArguments';

const help = `usage: khoscope carve IMAGE -o OUT.elf [--include-data [--max-data N]] [--root ADDR]... [--base ADDR] [--page-size N]

Writes a small ELF core that holds only what the image's KHO tree uses: the
roots, blobs, page lists, anchor and preserved-memory map pages, and the LUO,
memfd and vmalloc structures, exactly the bytes the decoder reads. Everything
else (reserve-mem regions, memfd content, the rest of the machine) reads as
zero, so the file can go with a bug report instead of the whole memory dump.
The carved file keeps the image's RAM ranges, page size and kernel release,
and is decoded again before carve reports success: it must give the same KHO
graph (exit status 1 when it does not). See docs/carve.md.

options:
  -o FILE           the ELF core to write (also --output FILE)
  --include-data    also keep the preserved data: every page the preserved-memory
                    maps mark preserved. That is where secrets live.
  --max-data N      most bytes of preserved data --include-data may add
                    (default ${DEFAULT_MAX_DATA_BYTES / (1024 * 1024)} MiB); more is refused
${IMAGE_OPTIONS_HELP}
`;

/** `khoscope carve`: a small, shareable ELF core of just the KHO tree. */
export const carveCommand: Command = {
  name: 'carve',
  summary: 'write a small ELF core holding only what the KHO tree uses',
  run: (args) =>
    runImageCommand(
      'carve',
      help,
      { output: { type: 'string', short: 'o' }, 'include-data': { type: 'boolean' }, 'max-data': { type: 'string' } },
      args,
      async (imageArgs, values) => {
        const output = values.output as string | undefined;
        if (output === undefined) throw new UsageError('give the file to write with -o OUT.elf');
        if (imageArgs.paths.some((path) => resolve(path) === resolve(output)))
          throw new UsageError(`${output} is the image itself: carve would overwrite what it reads`);
        const maxData = values['max-data'] as string | undefined;
        const includeData = values['include-data'] === true;
        if (maxData !== undefined && !includeData) throw new UsageError('--max-data only goes with --include-data');
        const options = {
          roots: imageArgs.roots ?? undefined,
          pageSize: imageArgs.pageSize,
          includeData,
          maxDataBytes: maxData === undefined ? undefined : parseNumber(maxData, '--max-data'),
        };

        const opened = await openImageArguments(imageArgs);
        let carved: Awaited<ReturnType<typeof carveImage>>;
        try {
          const { image } = opened;
          if (image.kind !== 'memory') {
            process.stderr.write(
              `khoscope carve: ${imageArgs.paths.join(' ')} is ${image.kind === 'dtb' ? 'a lone FDT blob' : 'a KHO debugfs set'}: it holds only blobs already, there is no memory to carve\n`,
            );
            return 1;
          }
          carved = await carveImage(image, options);
          await writeExportFile(carved.file, output);
        } finally {
          await opened.close();
        }
        const roots = carved.graph.roots.flatMap((root) => (root.address === null ? [] : [hex(root.address)]));
        const data = includeData ? `, ${carved.dataBytes} of them preserved data` : '';
        process.stdout.write(
          `wrote ${output}: ${carved.file.size} bytes, ${carved.pages} pages holding ${carved.kept.totalBytes} bytes of the image${data}; roots ${roots.join(', ')}\n`,
        );

        const check = await decodeImageGraph({
          paths: [output],
          roots: imageArgs.roots,
          base: undefined,
          pageSize: imageArgs.pageSize,
          raw: false,
          help: false,
        });
        const difference = graphDifference(carved.graph, check);
        if (difference !== null) {
          process.stderr.write(
            `khoscope carve: ${output} does not decode to the same KHO graph as the image (${difference}); the file is kept for a bug report about carve\n`,
          );
          return 1;
        }
        process.stdout.write(
          `checked: ${output} decodes to the same KHO graph (${check.fragments.length} fragments, ${check.links.length} links, ${check.diagnostics.length} diagnostics)\n`,
        );
        return 0;
      },
    ),
};
