import { findKhoRoots, inspectRootAt, type RootCandidate, RootScanError } from '../../kho/discover';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { parseFormat } from '../parseFormat';
import { ProgressLine } from '../ProgressLine';
import { scanProgress } from './decodeImageGraph';
import { scanReportJson, scanReportTable, type ScanReport } from './formatScanResult';
import { IMAGE_OPTIONS_HELP, openImageArguments, runImageCommand } from './imageArguments';
import { requireMemoryImage } from './requireMemoryImage';

const help = `usage: khoscope scan IMAGE [options]

Finds KHO roots in a memory image (raw, ELF core, kdump): every page start is
probed for a KHO root FDT (compatible kho-vN) and for KHOANCH1 anchor pages;
candidates are ranked, best first, with the reasons. On a terminal, stderr
shows how far the scan has got.

With --root, the roots given are validated and ranked the same way instead;
a given address that holds no root is reported and the exit status is 1.

options:
${IMAGE_OPTIONS_HELP}
  --all-fdts        also list every FDT found at a page start
  --format text     a table (default)
  --format json     the candidates and their reasons as JSON

${EXIT_CODES_HELP}`;

/** `khoscope scan`: root discovery on one image. */
export const runScan: CommandRun = (args) =>
  runImageCommand(
    'scan',
    help,
    { 'all-fdts': { type: 'boolean' }, format: { type: 'string' } },
    args,
    async (imageArgs, values) => {
      const format = parseFormat(values.format, ['text', 'json']);
      const opened = await openImageArguments(imageArgs);
      const progress = new ProgressLine();
      try {
        const image = requireMemoryImage(opened.image, imageArgs, 'holds no physical memory to scan');
        const name = imageArgs.paths.join(' ');
        const options = { pageSize: image.pageSize, listAllFdts: values['all-fdts'] === true };
        const given: RootCandidate[] = [];
        try {
          for (const root of imageArgs.roots ?? []) given.push(await inspectRootAt(image.memory, root, options));
        } catch (error) {
          // A root given by address that is not one: what validating it found.
          if (!(error instanceof RootScanError)) throw error;
          process.stderr.write(`khoscope scan: ${error.message}\n`);
          return ExitCode.findings;
        }
        const scan = imageArgs.roots
          ? null
          : await findKhoRoots(image.memory, {
              ...options,
              onProgress: progress.active ? scanProgress(progress) : undefined,
            });
        progress.clear();
        const report: ScanReport = { image: name, container: image.container, pageSize: image.pageSize, given, scan };
        process.stdout.write(format === 'json' ? scanReportJson(report) : scanReportTable(report));
        return ExitCode.ok;
      } finally {
        progress.clear();
        await opened.close();
      }
    },
  );
