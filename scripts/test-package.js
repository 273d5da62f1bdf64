#!/usr/bin/env node
// `npm run test:package` (run by .ci/run): packs khoscope as `npm publish` would
// (prepack builds dist/), installs the tarball into an empty folder, and checks that
// the installed package works with nothing else: `npx khoscope --help`, `scan` and
// `check` on a real-kernel image, and the library through its exports map. No dev
// dependency and no TypeScript loader may be installed or used.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const image = join(root, 'fixtures/linux-7.3/pre-kexec.carved.elf');
const work = mkdtempSync(join(tmpdir(), 'khoscope-package-'));
const failures = [];

function expectThat(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

/** Runs a command in the consumer folder; its status and output. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

try {
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
  const tarball = join(work, packed.trim().split('\n').pop());
  const consumer = join(work, 'consumer');
  execFileSync('mkdir', [consumer]);
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], {
    cwd: consumer,
    stdio: 'inherit',
  });

  const installed = readdirSync(join(consumer, 'node_modules')).filter((name) => !name.startsWith('.'));
  expectThat(installed.join() === 'khoscope', `only khoscope is installed (found: ${installed.join(', ')})`);
  const pkg = join(consumer, 'node_modules/khoscope');
  expectThat(!existsSync(join(pkg, 'core')), 'the package holds no TypeScript sources (so no loader can be needed)');
  expectThat(existsSync(join(pkg, 'dist/app/index.html')), 'the prebuilt explorer is in dist/app');

  const help = run('npx', ['khoscope', '--help'], consumer);
  expectThat(help.status === 0 && help.stdout.includes('commands:'), `npx khoscope --help exits 0 (${help.status})`);
  const bare = run('npx', ['khoscope'], consumer);
  expectThat(bare.status === 0 && bare.stdout === help.stdout, 'bare khoscope prints the same help and exits 0');

  const scan = run('npx', ['khoscope', 'scan', image, '--format', 'json'], consumer);
  const scanned = scan.status === 0 ? JSON.parse(scan.stdout) : null;
  expectThat(
    scanned?.candidates?.[0]?.address === '0x23a000' && scanned.candidates[0].compatible === 'kho-v4',
    `npx khoscope scan finds the kho-v4 root at 0x23a000 (status ${scan.status}) ${scan.stderr}`,
  );

  const check = run('npx', ['khoscope', 'check', image], consumer);
  expectThat(
    check.status === 0 && /1 root\(s\), \d+ fragment\(s\): 0 error\(s\)/.test(check.stdout),
    `npx khoscope check passes the clean real image (status ${check.status}) ${check.stderr}`,
  );
  const missing = run('npx', ['khoscope', 'check', join(work, 'nope.elf')], consumer);
  expectThat(
    missing.status === 3 && missing.stderr === `khoscope check: ${join(work, 'nope.elf')}: no such file or folder\n`,
    `a missing file is one sentence and exit status 3 (${missing.status}: ${missing.stderr.trim()})`,
  );

  // The library through the exports map, as a user's ESM module would import it.
  const library = `
    import { openImage, decodeKhoGraph, readFdt, FdtError } from 'khoscope';
    import { NodeFileSource } from 'khoscope/node';
    const source = await NodeFileSource.open(${JSON.stringify(image)}, 'pre-kexec.carved.elf');
    try {
      const graph = await decodeKhoGraph(await openImage(source));
      console.log(JSON.stringify({ roots: graph.roots.map((r) => r.address), fdt: typeof readFdt, error: typeof FdtError }));
    } finally {
      await source.close();
    }`;
  writeFileSync(join(consumer, 'use.js'), library);
  const used = run('node', ['use.js'], consumer);
  expectThat(
    used.status === 0 &&
      used.stdout.trim() === JSON.stringify({ roots: [0x23a000], fdt: 'function', error: 'function' }),
    `import from 'khoscope' and 'khoscope/node' decodes the image (${used.stdout.trim()}${used.stderr.trim()})`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`test-package: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('test-package: the packed khoscope installs and runs on its own');
