#!/usr/bin/env node
// Makes sure the Debian tools the tests rely on are installed: Chromium for the
// e2e tests, dtc (device-tree-compiler) as the FDT reference. Installs them when
// missing and running as root; otherwise fails with the exact command to run.
// Tests never skip for lack of a tool.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const needed = [
  { binary: '/usr/bin/chromium', pkg: 'chromium', why: 'browser for the e2e tests' },
  { binary: '/usr/bin/dtc', pkg: 'device-tree-compiler', why: 'reference FDT compiler for the differential tests' },
];

const missing = needed.filter((tool) => !existsSync(tool.binary));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((tool) => tool.pkg);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error('khoscope tests need these Debian packages, which are not installed:');
  for (const tool of missing) console.error(`  ${tool.pkg} (${tool.binary}): ${tool.why}`);
  console.error(`Install them with:  sudo apt-get install -y ${pkgs.join(' ')}`);
  process.exit(1);
}
console.log(`Installing ${pkgs.join(', ')} with apt-get (needed by the tests)...`);
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch (error) {
  console.error(`apt-get failed (${error.message}). Install by hand: apt-get install -y ${pkgs.join(' ')}`);
  process.exit(1);
}
const still = missing.filter((tool) => !existsSync(tool.binary));
if (still.length > 0) {
  console.error(`still missing after apt-get: ${still.map((t) => t.binary).join(', ')}`);
  process.exit(1);
}
