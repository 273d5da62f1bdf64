import { parseDts } from '../../core/fdt/dts';
import { writeFdt } from '../../core/fdt';
import { currentInput, openFiles } from './openActions';

/** Largest DTS text compiled in the page: a board's .dts is tens of KiB; anything near this is no source file. */
export const MAX_DTS_SOURCE_BYTES = 4 * 1024 * 1024;

/**
 * Compiles the DTS text file the user opened, as `dtc -I dts -O dtb` would
 * (core's `parseDts`), and opens the blob as a lone DTB named like dtc's
 * output (`board.dts` → `board.dtb`). Returns null once the blob is being
 * opened, or what stops it in plain words (the parser's line and column).
 */
export async function openCompiledDts(): Promise<string | null> {
  const input = currentInput();
  const entry = input?.kind === 'files' && input.files.length === 1 ? input.files[0] : null;
  if (!entry) return 'There is no single opened file to compile.';
  const size = entry.file.size;
  if (size > MAX_DTS_SOURCE_BYTES)
    return `The file is ${size} bytes, more than the ${MAX_DTS_SOURCE_BYTES} compiled here: compile it with dtc.`;
  const text = 'served' in entry.file ? await (await fetch(entry.file.url)).text() : await entry.file.text();
  let blob: Uint8Array;
  try {
    blob = writeFdt(parseDts(text));
  } catch (error) {
    return `It does not compile: ${(error as Error).message}.`;
  }
  const name = `${entry.path.replace(/\.dtsi?$/i, '')}.dtb`;
  openFiles([{ file: new File([blob as Uint8Array<ArrayBuffer>], name.slice(name.lastIndexOf('/') + 1)), path: name }]);
  return null;
}
