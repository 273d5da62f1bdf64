import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cliBundle } from '../scripts/packageBundles';

const root = fileURLToPath(new URL('..', import.meta.url));
const buildDirectory = fileURLToPath(new URL('./build/cli/', import.meta.url));

/**
 * The CLI bundled exactly as the package ships it (scripts/packageBundles.ts:
 * main.js plus a chunk per command) under bench/build/cli/, with a two-line
 * entry that runs it: what an installed `khoscope` runs, without the
 * TypeScript loader that `bin/khoscope.js` in a checkout starts first.
 * Returns the entry's path.
 */
export async function bundleCli(): Promise<string> {
  await build(cliBundle(root, buildDirectory));
  const runner = `${buildDirectory}khoscope.mjs`;
  writeFileSync(runner, "import { main } from './main.js';\nprocess.exitCode = await main(process.argv.slice(2));\n");
  return runner;
}
