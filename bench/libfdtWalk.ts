import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from './ensureDebianPackages';
import type { RepetitionPlan, RepetitionTiming } from './measureRepetitions';

const benchDirectory = fileURLToPath(new URL('.', import.meta.url));
const sourcePath = join(benchDirectory, 'libfdt-walk.c');
const buildDirectory = join(benchDirectory, 'build');
const binaryPath = join(buildDirectory, 'libfdt-walk');

/** What the libfdt harness reports for one blob. */
export interface LibfdtWalkResult extends RepetitionTiming {
  bytes: number;
  nodes: number;
  properties: number;
}

/**
 * Compiles bench/libfdt-walk.c against Debian's libfdt into bench/build/
 * (again whenever the source is newer than the binary) and returns the binary's path.
 */
export function buildLibfdtWalk(): string {
  ensureDebianPackages([
    { path: '/usr/bin/gcc', pkg: 'gcc' },
    { path: '/usr/include/libfdt.h', pkg: 'libfdt-dev' },
  ]);
  if (existsSync(binaryPath) && statSync(binaryPath).mtimeMs >= statSync(sourcePath).mtimeMs) return binaryPath;
  mkdirSync(buildDirectory, { recursive: true });
  execFileSync('gcc', ['-O2', '-Wall', '-Wextra', '-Werror', '-o', binaryPath, sourcePath, '-lfdt'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return binaryPath;
}

/**
 * Runs the libfdt full walk over a blob file with the same repetition plan as
 * our side; `readAllNames` makes it read every byte of every node and
 * property name too (the C counterpart of decoding them).
 */
export function runLibfdtWalk(dtbPath: string, plan: RepetitionPlan, readAllNames = false): LibfdtWalkResult {
  const output = execFileSync(
    buildLibfdtWalk(),
    [dtbPath, String(plan.minReps), String(plan.budgetMs), String(plan.maxReps), ...(readAllNames ? ['names'] : [])],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const parsed = JSON.parse(output) as Partial<LibfdtWalkResult>;
  for (const key of ['bytes', 'nodes', 'properties', 'reps', 'minNs', 'medianNs'] as const) {
    if (typeof parsed[key] !== 'number') throw new Error(`libfdt-walk output lacks "${key}": ${output.trim()}`);
  }
  return parsed as LibfdtWalkResult;
}
