/**
 * `npm run test:kernel`: asks a real Linux 7.3.4 kernel about khoscope's
 * edits and checks (../shared/tools/kexec-replay, docs/editing.md). For each
 * case of kernelCases.ts the harness boots kernel A, stops it at
 * machine_kexec, runs the edit (and `khoscope check` on the result), writes
 * the changed pages into the stopped guest and records what kernel B did.
 * A case passes when kernel B accepted the image fully exactly when the case
 * says it must, when `check` found errors exactly when kernel B did not
 * accept the image, and when the case's own expectations hold.
 *
 * The harness is CPU-bound: cases run one after another. Run folders go to
 * the OS temp folder (never into the tree) and are removed unless --keep;
 * the summary goes to test-results/kernel/summary.json (ignored).
 *
 * When ../shared/tools/kexec-replay or qemu-system-x86_64 is missing it
 * prints that it did NOT run and exits with status 77, the conventional
 * "skipped" status, so a run without the kernel is never taken for a pass.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type CaseResult, EXTRA_FRAGMENT_DTS, kernelCases, shortfalls, type Verdict } from './kernelCases';

const ROOT = resolve(import.meta.dirname, '../..');
const REPLAY = resolve(ROOT, '../shared/tools/kexec-replay/replay.sh');
const FIXTURE = resolve(ROOT, '../shared/fixtures/linux-7.3/at-kexec.elf.gz');
const SKIPPED = 77;
const keep = process.argv.includes('--keep');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

function skip(reason: string): never {
  process.stdout.write(`test:kernel did NOT run (SKIPPED): ${reason}\n`);
  process.exit(SKIPPED);
}

if (!existsSync(REPLAY)) skip(`the kexec-replay harness is not at ${REPLAY} (the shared folder beside the repository)`);
if (spawnSync('qemu-system-x86_64', ['--version']).error)
  skip('qemu-system-x86_64 is not installed (apt-get install -y qemu-system-x86)');

const work = mkdtempSync(join(tmpdir(), 'khoscope-kernel-'));
const extraDts = join(work, 'extra.dts');
writeFileSync(extraDts, EXTRA_FRAGMENT_DTS);
const results: { name: string; passed: boolean; failures: string[]; kernel: string; check: string; seconds: number }[] =
  [];

refusalWithoutKernel();
for (const [index, kase] of kernelCases(extraDts).entries()) {
  if (only && !kase.name.includes(only)) continue;
  const started = Date.now();
  const dir = join(work, `case${index}`);
  const edit = `${kase.edit} && { npx khoscope check --format json {out} > {dir}/check.json || true; }`;
  const shown = kase.edit.length > 160 ? `${kase.edit.slice(0, 160)}…` : kase.edit;
  process.stdout.write(`\n▶ ${kase.name}\n  edit: ${shown}\n`);
  const run = spawnSync(REPLAY, ['--discard-images', '--out', dir, '--edit', edit], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const failures: string[] = [];
  const verdictPath = join(dir, 'verdict.json');
  if (!existsSync(verdictPath)) {
    failures.push(`the harness wrote no verdict (exit ${run.status}): ${(run.stderr || run.stdout).slice(-2000)}`);
    results.push({ name: kase.name, passed: false, failures, kernel: '?', check: '?', seconds: 0 });
    continue;
  }
  const verdict = JSON.parse(readFileSync(verdictPath, 'utf8')) as Verdict;
  const checkPath = join(dir, 'check.json');
  const result: CaseResult = {
    verdict,
    check: existsSync(checkPath) ? JSON.parse(readFileSync(checkPath, 'utf8')) : null,
    khoIn: (name) => {
      const path = join(dir, 'kernelB', `in__${name.replaceAll('/', '__')}`);
      return existsSync(path) ? readFileSync(path) : null;
    },
  };
  if (verdict.edit_rc !== 0) failures.push(`the edit failed (exit ${verdict.edit_rc}): see ${dir}/edit.log`);
  const short = shortfalls(verdict);
  const accepted = short.length === 0;
  if (accepted !== kase.accepted)
    failures.push(
      kase.accepted
        ? `kernel B did not accept the image: ${short.join('; ')}`
        : 'kernel B accepted an image it should not have',
    );
  if (!result.check) failures.push('khoscope check wrote no result');
  else if (kase.silentInKernel) {
    if (result.check.errors === 0) failures.push(`check calls it clean, but ${kase.silentInKernel}`);
  } else if ((result.check.errors === 0) !== accepted)
    failures.push(
      accepted
        ? `check reports ${result.check.errors} error(s) on an image kernel B accepts: ${errorCodes(result)}`
        : `check calls an image clean that kernel B did not accept (${short.join('; ')})`,
    );
  for (const expectation of kase.expect) {
    const failure = expectation(result);
    if (failure) failures.push(failure);
  }
  const kernel = accepted ? 'accepted' : `not accepted: ${short.slice(0, 3).join('; ')}`;
  const check = result.check ? `${result.check.errors} error(s) ${errorCodes(result)}` : '?';
  const seconds = Math.round((Date.now() - started) / 1000);
  results.push({ name: kase.name, passed: failures.length === 0, failures, kernel, check, seconds });
  process.stdout.write(
    `  kernel B: ${kernel}\n  check: ${check}\n  ${failures.length === 0 ? 'PASS' : 'FAIL'} (${seconds} s)\n`,
  );
  for (const failure of failures) process.stdout.write(`    ✗ ${failure}\n`);
  if (failures.length === 0 && !keep) rmSync(dir, { recursive: true, force: true });
}

const out = join(ROOT, 'test-results', 'kernel');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'summary.json'), `${JSON.stringify(results, null, 2)}\n`);
const failed = results.filter((r) => !r.passed);
process.stdout.write(
  `\ntest:kernel: ${results.length - failed.length} of ${results.length} passed${failed.length ? `; failed: ${failed.map((r) => r.name).join(', ')}` : ''} (summary in test-results/kernel/summary.json${failed.length || keep ? `, run folders in ${work}` : ''})\n`,
);
if (failed.length === 0 && !keep) rmSync(work, { recursive: true, force: true });
process.exit(failed.length === 0 ? 0 : 1);

function errorCodes(result: CaseResult): string {
  const codes = new Set(result.check?.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code));
  return codes.size ? `(${[...codes].join(', ')})` : '';
}

/**
 * Split and inline are not something a mainline root allows (docs/editing.md):
 * `khoscope edit` must refuse both on the real image, in plain words, and
 * write nothing. Runs on the shared fixture without booting a kernel.
 */
function refusalWithoutKernel(): void {
  const name = 'split and inline refused under a mainline root';
  const started = Date.now();
  const failures: string[] = [];
  const image = join(work, 'at-kexec.elf');
  execFileSync('sh', ['-c', 'gunzip -c "$1" > "$2"', 'sh', FIXTURE, image]);
  for (const op of ['--split /memblock/demo1', '--inline /memblock']) {
    const out = join(work, 'refused.elf');
    const run = spawnSync('npx', ['khoscope', 'edit', image, '-o', out, ...op.split(' ')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (run.status === 0 || existsSync(out)) failures.push(`khoscope edit ${op} was not refused`);
    else if (!/mainline|cannot|refus|not/i.test(run.stderr))
      failures.push(`${op}: refusal without a reason: ${run.stderr}`);
    else process.stdout.write(`  ${op}: ${run.stderr.trim().split('\n')[0]}\n`);
  }
  rmSync(image, { force: true });
  const seconds = Math.round((Date.now() - started) / 1000);
  results.push({ name, passed: failures.length === 0, failures, kernel: 'not booted', check: '-', seconds });
  process.stdout.write(`▶ ${name}: ${failures.length === 0 ? 'PASS' : `FAIL: ${failures.join('; ')}`}\n`);
}
