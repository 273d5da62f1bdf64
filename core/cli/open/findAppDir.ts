import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The prebuilt explorer (dist/app) of the khoscope package this code runs
 * from: the first folder above `from` holding khoscope's package.json. Works
 * in a checkout (core/cli/…) and installed (dist/cli/chunks/…); null when
 * the explorer has not been built there.
 */
export function findAppDir(from: string = fileURLToPath(import.meta.url)): string | null {
  for (let folder = dirname(from); ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'khoscope') {
      const app = join(folder, 'dist', 'app');
      return existsSync(join(app, 'index.html')) ? app : null;
    }
    if (dirname(folder) === folder) return null;
  }
}
