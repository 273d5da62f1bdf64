import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's dtc, the reference the differential tests compare against. */
export const DTC_PATH = '/usr/bin/dtc';

/**
 * Fails (never skips) when dtc is missing: the differential tests are the
 * codec's ground truth and must not silently vanish.
 */
export function requireDtc(): void {
  if (!existsSync(DTC_PATH)) {
    throw new Error(`${DTC_PATH} not found: install device-tree-compiler (apt-get install -y device-tree-compiler)`);
  }
}

/**
 * Compiles DTS source with dtc (Node only: temp files under os.tmpdir()) and
 * returns the blob. `args` are extra dtc arguments such as ["-V", "1"].
 * Throws with dtc's stderr when it fails.
 */
export function compileDtsWithDtc(source: string, args: string[]): Uint8Array {
  const directory = mkdtempSync(join(tmpdir(), 'khoscope-dtc-'));
  try {
    const input = join(directory, 'in.dts');
    const output = join(directory, 'out.dtb');
    writeFileSync(input, source);
    const result = spawnSync(DTC_PATH, ['-q', '-I', 'dts', '-O', 'dtb', ...args, '-o', output, input], {
      encoding: 'utf8',
    });
    if (result.error) throw new Error(`could not run ${DTC_PATH}: ${result.error.message}`);
    if (result.status !== 0)
      throw new Error(`dtc ${args.join(' ')} failed (${result.status}): ${result.stderr}\n${source.slice(0, 2000)}`);
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
