import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const buildDirectory = fileURLToPath(new URL('./build/cli/', import.meta.url));
const entry = fileURLToPath(new URL('../core/cli/main.ts', import.meta.url));

/**
 * The CLI bundled into one ES module under bench/build/cli/ (esbuild, which
 * tsx already brings), with a two-line entry that runs it: what a packaged
 * `khoscope` runs, without the TypeScript loader that `bin/khoscope.js` in a
 * checkout starts first. Returns the entry's path.
 */
export async function bundleCli(): Promise<string> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: `${buildDirectory}main.mjs`,
    logLevel: 'warning',
  });
  const runner = `${buildDirectory}khoscope.mjs`;
  writeFileSync(runner, "import { main } from './main.mjs';\nprocess.exitCode = await main(process.argv.slice(2));\n");
  return runner;
}
