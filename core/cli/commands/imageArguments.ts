import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { ByteSource } from '../../mem/ByteSource';
import { MemoryError } from '../../mem/MemoryError';
import { openImage } from '../../mem/openImage';
import type { OpenedImage } from '../../mem/OpenedImage';
import { NodeFileSource } from '../../mem/sources/NodeFileSource';
import { fileErrorReason } from '../fileErrorReason';
import { InputError } from '../InputError';
import { parseCommandLine } from '../parseCommandLine';
import { parseNumber } from '../parseNumber';
import { runWithUsage } from '../runWithUsage';
import { UsageError } from '../UsageError';

/**
 * The command-line options every image command shares (`--root`, `--base`,
 * `--page-size`, `--help`), their parsing, and opening the image through
 * `openImage`: one file (memory image or lone DTB), or a folder or several
 * files (a KHO debugfs set). Commands add their own options to these.
 */

/** The shared options, in `util.parseArgs` form. */
export const IMAGE_OPTIONS = {
  root: { type: 'string', multiple: true },
  base: { type: 'string' },
  'page-size': { type: 'string' },
  raw: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** Help lines for the shared options, to paste into a command's help text. */
export const IMAGE_OPTIONS_HELP = `  --root ADDR       decode the KHO root (FDT or first anchor page) at ADDR instead of
                    searching the image for roots (repeatable)
  --base ADDR       raw images: physical address of the file's first byte (default 0)
  --page-size N     page size of the kernel that wrote the image, when the image does
                    not state it (default 4096)
  --raw             read IMAGE as a flat physical-memory dump whatever it starts with`;

/** The shared options, parsed. */
export interface ImageArguments {
  /** IMAGE: one file, a folder, or several files (a debugfs set). */
  paths: string[];
  /** Null when no --root was given (then roots are discovered). */
  roots: number[] | null;
  base: number | undefined;
  pageSize: number | undefined;
  /** Read a single file as a raw dump (no container detection). */
  raw: boolean;
  help: boolean;
}

/**
 * Parses `args` with the shared options plus `extra`; returns the shared ones
 * and the extra values. Throws `UsageError` for anything malformed.
 */
export function parseImageArguments<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  extra: T,
): { image: ImageArguments; values: Record<string, string | boolean | string[] | boolean[] | undefined> } {
  const parsed = parseCommandLine(args, { ...IMAGE_OPTIONS, ...extra });
  const values = parsed.values as Record<string, string | boolean | string[] | boolean[] | undefined>;
  const help = values.help === true;
  if (!help && parsed.positionals.length === 0)
    throw new UsageError('give an IMAGE (a memory image, a DTB, or a debugfs kho/out folder)');
  const roots = values.root as string[] | undefined;
  const base = values.base as string | undefined;
  const pageSize = values['page-size'] as string | undefined;
  return {
    image: {
      paths: parsed.positionals,
      roots: roots ? roots.map((text) => parseNumber(text, '--root')) : null,
      base: base === undefined ? undefined : parseNumber(base, '--base'),
      pageSize: pageSize === undefined ? undefined : parseNumber(pageSize, '--page-size'),
      raw: values.raw === true,
      help,
    },
    values,
  };
}

/** An opened image and the files behind it (close them when done). */
export interface OpenedImageFiles {
  image: OpenedImage;
  close(): Promise<void>;
}

/** Most files taken from a folder given as IMAGE (a debugfs set has a handful). */
const MAX_FOLDER_FILES = 4096;

/**
 * Opens IMAGE through `openImage`: a single file as itself, a folder as the
 * set of files below it (named by their path inside the folder, as a debugfs
 * `kho/out` copy is), several files as a set.
 */
export async function openImageArguments(args: ImageArguments): Promise<OpenedImageFiles> {
  const files: { path: string; name: string }[] = [];
  for (const path of args.paths) {
    if ((await statInput(path)).isDirectory())
      files.push(
        ...(await filesBelow(path)).map((file) => ({ path: file, name: relative(path, file).split(sep).join('/') })),
      );
    else files.push({ path, name: path });
  }
  const sources: NodeFileSource[] = [];
  const close = async () => {
    for (const source of sources) await source.close();
  };
  try {
    for (const file of files) sources.push(await openInput(file.path, file.name));
    const input: ByteSource | ByteSource[] =
      args.paths.length === 1 && sources.length === 1 && files[0].path === args.paths[0] ? sources[0] : sources;
    return {
      image: await openImage(input, { base: args.base, pageSize: args.pageSize, container: args.raw ? 'raw' : 'auto' }),
      close,
    };
  } catch (error) {
    await close();
    // openImage throws only MemoryError: the image is not one khoscope can read.
    if (!(error instanceof MemoryError)) throw error;
    const name = args.paths.join(' ');
    throw new InputError(error.message.includes(name) ? error.message : `${name}: ${error.message}`);
  }
}

/** `stat` of an IMAGE argument; a failure is an `InputError` saying it in words. */
async function statInput(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw new InputError(`${path}: ${fileErrorReason(error)}`);
  }
}

/** Opens one input file; a failure is an `InputError` saying it in words. */
async function openInput(path: string, name: string): Promise<NodeFileSource> {
  try {
    return await NodeFileSource.open(path, name);
  } catch (error) {
    throw new InputError(`${path}: ${fileErrorReason(error)}`);
  }
}

async function filesBelow(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) found.push(path);
      if (found.length > MAX_FOLDER_FILES)
        throw new UsageError(`${folder} holds more than ${MAX_FOLDER_FILES} files: not a debugfs kho/out folder`);
    }
  };
  await walk(folder);
  return found.sort();
}

/**
 * Runs an image command: parses the shared and `extra` options, prints the
 * help on `--help`, and a usage mistake with the help on stderr (status 2);
 * otherwise hands the parsed arguments to `body`.
 */
export async function runImageCommand(
  name: string,
  help: string,
  extra: NonNullable<ParseArgsConfig['options']>,
  args: string[],
  body: (image: ImageArguments, values: Record<string, unknown>) => Promise<number>,
): Promise<number> {
  return runWithUsage(name, help, async () => {
    const parsed = parseImageArguments(args, extra);
    if (!parsed.image.help) return body(parsed.image, parsed.values);
    process.stdout.write(help);
    return 0;
  });
}
