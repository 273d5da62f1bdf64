import { findKhoRoots, inspectRootAt, type RootCandidate } from '../../kho/discover';
import type { Command } from '../Command';
import { scanReportJson, scanReportTable, type ScanReport } from './formatScanResult';
import { IMAGE_OPTIONS_HELP, openImageArguments, runImageCommand } from './imageArguments';

const help = `usage: khoscope scan IMAGE [options]

Finds KHO roots in a memory image (raw, ELF core, kdump): every page start is
probed for a KHO root FDT (compatible kho-vN) and for KHOANCH1 anchor pages;
candidates are ranked, best first, with the reasons.

With --root, the roots given are validated and ranked the same way instead.

options:
${IMAGE_OPTIONS_HELP}
  --all-fdts        also list every FDT found at a page start
  --json            print JSON instead of a table
`;

/** Writes progress to stderr when it is a terminal. */
function progressPrinter(): ((p: { bytesScanned: number; totalBytes: number }) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return ({ bytesScanned, totalBytes }) => {
    const percent = totalBytes === 0 ? 100 : Math.floor((100 * bytesScanned) / totalBytes);
    if (percent === last) return;
    last = percent;
    process.stderr.write(`\rscanning… ${percent}%${percent === 100 ? '\n' : ''}`);
  };
}

/** `khoscope scan`: root discovery on one image. */
export const scanCommand: Command = {
  name: 'scan',
  summary: 'find KHO roots in a memory image and rank them',
  run: (args) =>
    runImageCommand(
      'scan',
      help,
      { 'all-fdts': { type: 'boolean' }, json: { type: 'boolean' } },
      args,
      async (imageArgs, values) => {
        const opened = await openImageArguments(imageArgs);
        try {
          const { image } = opened;
          const name = imageArgs.paths.join(' ');
          if (image.kind !== 'memory') {
            process.stderr.write(
              `khoscope scan: ${name} is ${image.kind === 'dtb' ? 'a lone FDT blob' : 'a KHO debugfs set'}, not a memory image: nothing to scan\n`,
            );
            return 1;
          }
          const options = { pageSize: image.pageSize, listAllFdts: values['all-fdts'] === true };
          const given: RootCandidate[] = [];
          for (const root of imageArgs.roots ?? []) given.push(await inspectRootAt(image.memory, root, options));
          const scan = imageArgs.roots
            ? null
            : await findKhoRoots(image.memory, { ...options, onProgress: progressPrinter() });
          const report: ScanReport = { image: name, container: image.container, pageSize: image.pageSize, given, scan };
          process.stdout.write(values.json === true ? scanReportJson(report) : scanReportTable(report));
          return 0;
        } finally {
          await opened.close();
        }
      },
    ),
};
