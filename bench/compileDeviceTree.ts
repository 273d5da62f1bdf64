import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { ensureDebianPackages } from './ensureDebianPackages';

const DTC = '/usr/bin/dtc';

/**
 * Compiles DTS text to a blob with Debian's dtc, keeping both files at the
 * given paths so every runner (ours, the libfdt harness, a human with fdtdump)
 * reads the very same bytes. Returns the blob.
 */
export function compileDeviceTree(source: string, dtsPath: string, dtbPath: string): Uint8Array {
  ensureDebianPackages([{ path: DTC, pkg: 'device-tree-compiler' }]);
  writeFileSync(dtsPath, source);
  // -q: the synthetic values deliberately ignore binding rules (reg vs #address-cells
  // and the like); dtc's warnings about them are noise, its errors still fail the run.
  execFileSync(DTC, ['-q', '-I', 'dts', '-O', 'dtb', '-o', dtbPath, dtsPath], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Uint8Array(readFileSync(dtbPath));
}
