#!/usr/bin/env node
// The `khoscope` command. Installed from the package, it runs the compiled CLI in
// dist/cli (no TypeScript loader). In a checkout, where the sources sit beside it,
// it runs them through tsx instead: `npx khoscope` works right after `npm install`,
// with no build step, and never runs a dist/ older than the sources.
import { existsSync } from 'node:fs';

const source = new URL('../core/cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../dist/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
