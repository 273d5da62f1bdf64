import { parseDts } from '../../core/fdt/dts';
import { writeFdt } from '../../core/fdt';
import { currentInput, openFiles } from './openActions';

/** Largest DTS text compiled in the page: a board's .dts is tens of KiB; anything near this is no source file. */
export const MAX_DTS_SOURCE_BYTES = 4 * 1024 * 1024;

/** Why a DTS text was not opened, in plain words. */
export interface DtsCompileProblem {
  message: string;
  /**
   * True when only dtc's error checks refused the tree (a `name` property
   * unlike the node's name, duplicated or bad phandles, a property defined
   * twice): forced, as `dtc -f` does, it compiles, so it may be opened anyway.
   */
  forcible: boolean;
}

/**
 * Compiles the DTS text file the user opened, as `dtc -I dts -O dtb` would
 * (core's `parseDts`; with `force`, as `dtc -f`: the tree kept as written
 * despite dtc's error checks), and opens the blob as a lone DTB named like
 * dtc's output (`board.dts` → `board.dtb`). Returns null once the blob is
 * being opened, or what stops it in plain words (the parser's line and
 * column), saying whether forcing would open it.
 */
export async function openCompiledDts(options: { force?: boolean } = {}): Promise<DtsCompileProblem | null> {
  const input = currentInput();
  const entry = input?.kind === 'files' && input.files.length === 1 ? input.files[0] : null;
  if (!entry) return { message: 'There is no single opened file to compile.', forcible: false };
  const size = entry.file.size;
  if (size > MAX_DTS_SOURCE_BYTES)
    return {
      message: `The file is ${size} bytes, more than the ${MAX_DTS_SOURCE_BYTES} compiled here: compile it with dtc.`,
      forcible: false,
    };
  const text = 'served' in entry.file ? await (await fetch(entry.file.url)).text() : await entry.file.text();
  const force = options.force === true;
  let blob: Uint8Array;
  try {
    blob = compileDts(text, force);
  } catch (error) {
    return { message: `It does not compile: ${(error as Error).message}.`, forcible: !force && compilesForced(text) };
  }
  const name = `${entry.path.replace(/\.dtsi?$/i, '')}.dtb`;
  openFiles([{ file: new File([blob as Uint8Array<ArrayBuffer>], name.slice(name.lastIndexOf('/') + 1)), path: name }]);
  return null;
}

/** The blob of `text`, as dtc writes it (with `force`, as dtc -f). */
function compileDts(text: string, force: boolean): Uint8Array {
  return writeFdt(parseDts(text, { force }), { force });
}

/** Whether `text`, refused as it is, compiles when forced. */
function compilesForced(text: string): boolean {
  try {
    compileDts(text, true);
    return true;
  } catch {
    return false;
  }
}
