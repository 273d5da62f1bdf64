import { spawnSync } from 'node:child_process';
import { DTC_PATH, compileDtsWithDtc, requireDtc } from '../../core/fdt/testing/NodeDtc';

/** Compiles DTS source to a .dtb with Debian's dtc (the codec tests' helper). */
export function dtcCompile(dts: string): Buffer {
  requireDtc();
  return Buffer.from(compileDtsWithDtc(dts, []));
}

/** What `dtc -I dtb -O dts` prints for a blob, as a latin1 string (one char per byte, like the page). */
export function dtcDecompile(dtb: Uint8Array): string {
  requireDtc();
  const result = spawnSync(DTC_PATH, ['-q', '-I', 'dtb', '-O', 'dts', '-o', '-', '-'], { input: dtb });
  if (result.error) throw new Error(`could not run ${DTC_PATH}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`dtc -I dtb -O dts failed (${result.status}): ${result.stderr.toString()}`);
  return result.stdout.toString('latin1');
}
