import { spawnSync } from 'node:child_process';
import { DTC_PATH, compileDtsWithDtc, requireDtc } from '../../core/fdt/testing/NodeDtc';

/** Compiles DTS source to a .dtb with Debian's dtc (the codec tests' helper), with `args` (`-f`) added. */
export function dtcCompile(dts: string, args: string[] = []): Buffer {
  requireDtc();
  return Buffer.from(compileDtsWithDtc(dts, args));
}

/** What `dtc -I dtb -O dts` (with `args`, `-f`) prints for a blob, as a latin1 string (one char per byte, like the page). */
export function dtcDecompile(dtb: Uint8Array, args: string[] = []): string {
  requireDtc();
  const result = spawnSync(DTC_PATH, ['-q', '-I', 'dtb', '-O', 'dts', ...args, '-o', '-', '-'], { input: dtb });
  if (result.error) throw new Error(`could not run ${DTC_PATH}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`dtc -I dtb -O dts failed (${result.status}): ${result.stderr.toString()}`);
  return result.stdout.toString('latin1');
}
