import type { BuildOptions } from 'esbuild';

/** Settings every bundle of the package shares: ESM for Node 20, readable output (no minifying), no npm packages. */
const COMMON: BuildOptions = {
  bundle: true,
  format: 'esm',
  target: 'node20',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * The CLI as the package ships it (dist/cli): `main.js`, which bin/khoscope.js
 * imports, and one chunk per command, loaded only when that command runs. The
 * start-up bench builds the same bundle, so it measures what users run.
 */
export function cliBundle(root: string, outdir: string): BuildOptions {
  return { ...COMMON, absWorkingDir: root, entryPoints: { main: 'core/cli/main.ts' }, outdir, platform: 'node' };
}

/**
 * The library (dist/lib): `khoscope` and `khoscope/node`. Neutral platform, so a
 * browser bundler can take `khoscope` as it is; only `khoscope/node` reaches node: modules.
 */
export function libraryBundle(root: string, outdir: string): BuildOptions {
  return {
    ...COMMON,
    absWorkingDir: root,
    entryPoints: { index: 'core/index.ts', node: 'core/node.ts' },
    outdir,
    platform: 'neutral',
    external: ['node:*'],
  };
}
