import { mkdir, open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DEFAULT_FDT_READ_LIMITS, FdtError, readFdt, type FdtIndex, type FdtTruncation } from '../../fdt';
import { printFdtIndexDts } from '../../fdt/dts';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { fileErrorReason } from '../fileErrorReason';
import { parseCommandLine } from '../parseCommandLine';
import { parseFormat } from '../parseFormat';
import { runWithUsage } from '../runWithUsage';
import { UsageError } from '../UsageError';
import { writeChunks } from '../writeChunks';

const help = `usage: khoscope dts FILE.dtb... [--out-dir DIR] [--allow-truncated] [--format dts]

Decompiles flattened device tree blobs to DTS text as 'dtc -I dtb -O dts'
(dtc 1.6.1) writes it, byte for byte except where dtc's text would not read
back as the same bytes (see docs/dts.md).

  one FILE               its DTS goes to stdout
  several FILEs          each DTS goes to stdout after a '// FILE' line,
                         with a blank line between them
  --out-dir DIR          write DIR/<name>.dts for each FILE instead (the name is
                         the file's name without a .dtb ending); DIR is created
                         if needed
  --allow-truncated      print a blob whose file ends before the blob does
                         (the kernel's debugfs kho/out/fdt) as far as the file
                         goes, saying on stderr where it was cut and what is
                         missing; without it such a file is an error
  --format dts           the only output format (accepted for scripts that
                         pass --format to every command)

A file that cannot be read or is not a valid FDT is reported on stderr and the
others are still done; the exit status is then 3 (4 when an output file
cannot be written).

${EXIT_CODES_HELP}`;

const FDT_MAGIC = 0xd00dfeed;

/**
 * The blob at the start of a file: only its header's `totalsize` bytes are
 * read (capped by the reader's size limit), so a large file given by mistake
 * is not read whole. Anything wrong with the blob is left to `readFdt`.
 */
async function readBlob(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const head = new Uint8Array(8);
    const { bytesRead } = await file.read(head, 0, Math.min(8, size), 0);
    const view = new DataView(head.buffer);
    const totalSize = bytesRead === 8 && view.getUint32(0) === FDT_MAGIC ? view.getUint32(4) : bytesRead;
    const length = Math.min(size, Math.max(totalSize, bytesRead), DEFAULT_FDT_READ_LIMITS.maxTotalSize);
    const bytes = new Uint8Array(length);
    await file.read(bytes, 0, length, 0);
    return bytes;
  } finally {
    await file.close();
  }
}

/**
 * One file read and indexed, ready to print: its DTS comes in chunks of
 * bytes (`printFdtIndexDts`), and for a blob cut short `truncationNote` says
 * what the DTS lacks (null for a whole blob). A blob the file holds only the
 * start of is read as far as it goes with `allowTruncated`, else it is an
 * error; every error comes before any text.
 */
async function decompile(
  path: string,
  allowTruncated: boolean,
): Promise<{ index: FdtIndex; truncationNote: string | null }> {
  const index = readIndex(await readBlob(path), allowTruncated);
  return { index, truncationNote: index.truncation && truncationNote(index, index.truncation) };
}

/** The DTS of an index written to a new file, chunk by chunk. */
async function writeDtsFile(path: string, index: FdtIndex): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (const chunk of printFdtIndexDts(index)) await file.write(chunk);
  } finally {
    await file.close();
  }
}

/**
 * `readFdt` of the file's bytes. When the only fault of a blob is that the
 * file ends inside it, the reader's error (kept as it is) gets a hint that
 * `--allow-truncated` would print it.
 */
function readIndex(bytes: Uint8Array, allowTruncated: boolean): FdtIndex {
  try {
    return readFdt(bytes, { allowTruncated });
  } catch (error) {
    if (allowTruncated || !(error instanceof FdtError) || !readsAsPrefix(bytes)) throw error;
    throw new FdtError(
      error.offset,
      error.structure,
      `${error.reason} (the file holds only the start of the blob: --allow-truncated prints what it holds)`,
    );
  }
}

/** Whether the bytes are the start of a blob that is otherwise sound: a tolerant read succeeds and finds it cut. */
function readsAsPrefix(bytes: Uint8Array): boolean {
  try {
    return readFdt(bytes, { allowTruncated: true }).truncation !== null;
  } catch (error) {
    if (error instanceof FdtError) return false;
    throw error;
  }
}

/**
 * Where a blob was cut and what its printed DTS therefore lacks: the reader's
 * reason block by block, the nodes the text closes at the cut although the
 * blob goes on inside them, and how missing property names are shown.
 */
function truncationNote(index: FdtIndex, truncation: FdtTruncation): string {
  const parts = [
    `truncated: the file holds ${truncation.availableBytes} of the FDT's ${truncation.totalSize} bytes; ${truncation.reason}`,
  ];
  const openNodes = truncation.openNodes.map((n) => index.nodePath(n));
  if (openNodes.length > 0) parts.push(`the DTS stops at the cut, closing ${openNodes.join(', ')} there`);
  if (truncation.missingNameCount > 0)
    parts.push(
      `property names not in the file are printed as placeholders (<name at strings+OFFSET not in the ${truncation.availableBytes} bytes present>)`,
    );
  return parts.join('; ');
}

/** `DIR/<name>.dts` for every input, refusing two inputs that would write the same file. */
function outputPaths(inputs: string[], directory: string): string[] {
  const paths = inputs.map((input) => join(directory, `${basename(input).replace(/\.dtb$/i, '')}.dts`));
  const seen = new Map<string, string>();
  inputs.forEach((input, i) => {
    const earlier = seen.get(paths[i]);
    if (earlier !== undefined) throw new UsageError(`${earlier} and ${input} would both be written to ${paths[i]}`);
    seen.set(paths[i], input);
  });
  return paths;
}

function reason(error: unknown): string {
  if (error instanceof FdtError) return `not a valid FDT: ${error.message}`;
  return fileErrorReason(error);
}

/**
 * Decompiles every input to stdout or to its output file; a file that fails
 * is reported on stderr and the others are still done. Returns the exit
 * status: the worst of an unreadable input and an unwritable output.
 */
async function decompileAll(inputs: string[], outputs: string[] | undefined, allowTruncated: boolean): Promise<number> {
  let status: number = ExitCode.ok;
  let printed = 0;
  for (const [i, input] of inputs.entries()) {
    let index: FdtIndex;
    try {
      const decompiled = await decompile(input, allowTruncated);
      index = decompiled.index;
      if (decompiled.truncationNote !== null)
        process.stderr.write(`khoscope dts: ${input}: ${decompiled.truncationNote}\n`);
    } catch (error) {
      process.stderr.write(`khoscope dts: ${input}: ${reason(error)}\n`);
      status = Math.max(status, ExitCode.unreadableInput);
      continue;
    }
    if (outputs) {
      try {
        await writeDtsFile(outputs[i], index);
      } catch (error) {
        process.stderr.write(`khoscope dts: ${input}: cannot write ${outputs[i]}: ${reason(error)}\n`);
        status = ExitCode.failed;
      }
    } else if (inputs.length === 1) {
      await writeChunks(process.stdout, printFdtIndexDts(index));
    } else {
      process.stdout.write(`${printed === 0 ? '' : '\n'}// ${input}\n`);
      await writeChunks(process.stdout, printFdtIndexDts(index));
      printed++;
    }
  }
  return status;
}

/** `khoscope dts`: DTB files to DTS text. */
export const runDts: CommandRun = (args) =>
  runWithUsage('dts', help, async () => {
    const { values, positionals: inputs } = parseCommandLine(args, {
      'out-dir': { type: 'string' },
      'allow-truncated': { type: 'boolean' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(help);
      return ExitCode.ok;
    }
    parseFormat(values.format, ['dts']);
    if (inputs.length === 0) throw new UsageError('give at least one FILE.dtb');
    const outDir = values['out-dir'];
    const outputs = outDir === undefined ? undefined : outputPaths(inputs, outDir);
    if (outDir !== undefined) await mkdir(outDir, { recursive: true });
    return decompileAll(inputs, outputs, values['allow-truncated'] === true);
  });
