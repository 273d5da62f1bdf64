import { parseArgs } from 'node:util';
import { openImage } from '../../mem/openImage';
import { NodeFileSource } from '../../mem/sources/NodeFileSource';
import { findKhoRoots, inspectRootAt, type RootCandidate } from '../../mem/scan';
import type { Command } from '../Command';
import { scanReportJson, scanReportTable, type ScanReport } from './formatScanResult';

const help = `usage: khoscope scan IMAGE [options]

Finds KHO roots in a memory image (raw, ELF core, kdump): every page start is
probed for a KHO root FDT (compatible kho-vN) and for KHOANCH1 anchor pages;
candidates are ranked, best first, with the reasons.

options:
  --base ADDR       raw images: physical address of the file's first byte (default 0)
  --page-size N     page size when the image does not state one (default 4096)
  --root ADDR       validate a root at ADDR instead of scanning (repeatable)
  --all-fdts        also list every FDT found at a page start
  --json            print JSON instead of a table
`;

/** A number written as decimal or 0x-hex; throws a plain message otherwise. */
function parseNumber(text: string, what: string): number {
  const value = /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text.slice(2), 16) : /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new UsageError(`${what} '${text}' is not a decimal or 0x-hex number below 2^53`);
  return value;
}

/** A mistake in the command line (exit status 2). */
class UsageError extends Error {}

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
  async run(args: string[]): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          base: { type: 'string' },
          'page-size': { type: 'string' },
          root: { type: 'string', multiple: true },
          'all-fdts': { type: 'boolean' },
          json: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
      });
      if (parsed.values.help) {
        process.stdout.write(help);
        return 0;
      }
      if (parsed.positionals.length !== 1) throw new UsageError('give exactly one IMAGE');
    } catch (error) {
      process.stderr.write(`khoscope scan: ${error instanceof Error ? error.message : String(error)}\n${help}`);
      return 2;
    }
    const { values, positionals } = parsed;
    let base: number | undefined;
    let pageSize: number | undefined;
    let roots: number[];
    try {
      base = values.base === undefined ? undefined : parseNumber(values.base, '--base');
      pageSize = values['page-size'] === undefined ? undefined : parseNumber(values['page-size'], '--page-size');
      roots = (values.root ?? []).map((r) => parseNumber(r, '--root'));
    } catch (error) {
      process.stderr.write(`khoscope scan: ${(error as Error).message}\n`);
      return 2;
    }

    const source = await NodeFileSource.open(positionals[0]);
    try {
      const image = await openImage(source, { base, pageSize });
      if (image.kind !== 'memory') {
        process.stderr.write(`khoscope scan: ${positionals[0]} is a ${image.kind === 'dtb' ? 'lone FDT blob' : 'KHO debugfs file'}, not a memory image: nothing to scan\n`);
        return 1;
      }
      const options = { pageSize: image.pageSize, listAllFdts: values['all-fdts'] === true };
      const given: RootCandidate[] = [];
      for (const root of roots) given.push(await inspectRootAt(image.memory, root, options));
      const scan = roots.length > 0 ? null : await findKhoRoots(image.memory, { ...options, onProgress: progressPrinter() });
      const report: ScanReport = { image: positionals[0], container: image.container, pageSize: image.pageSize, given, scan };
      process.stdout.write(values.json ? scanReportJson(report) : scanReportTable(report));
      return 0;
    } finally {
      await source.close();
    }
  },
};
