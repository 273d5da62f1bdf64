#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout: tsx compiles on the fly,
// so `npx khoscope` works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../core/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
