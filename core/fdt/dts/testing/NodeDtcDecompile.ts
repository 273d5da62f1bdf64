import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DTC_PATH } from '../../testing/NodeDtc';

/**
 * Runs dtc with DTS text as output (Node only) on `input` written to a temp
 * file, and returns the text with one char per output byte (the form
 * `printDts` returns). Throws with dtc's stderr when dtc refuses the input.
 */
function dtcToDts(input: Uint8Array | string, inputFormat: 'dtb' | 'dts'): string {
  const directory = mkdtempSync(join(tmpdir(), 'khoscope-dtc-'));
  try {
    const file = join(directory, `in.${inputFormat}`);
    writeFileSync(file, input);
    const result = spawnSync(DTC_PATH, ['-q', '-I', inputFormat, '-O', 'dts', file], { encoding: 'latin1' });
    if (result.error) throw new Error(`could not run ${DTC_PATH}: ${result.error.message}`);
    if (result.status !== 0)
      throw new Error(`dtc -I ${inputFormat} -O dts failed (${result.status}): ${result.stderr}`);
    return result.stdout;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** `dtc -I dtb -O dts` of a blob. */
export function decompileWithDtc(blob: Uint8Array): string {
  return dtcToDts(blob, 'dtb');
}

/** `dtc -I dts -O dts` of DTS source: how dtc writes back labels it compiled. */
export function reprintWithDtc(source: string): string {
  return dtcToDts(source, 'dts');
}
