import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages } from './ensureDebianPackages';

const TIME = '/usr/bin/time';

/** What one whole process cost, as the kernel accounted it (GNU time's %e %U %S %M). */
export interface ProcessCost {
  wallSeconds: number;
  /** User plus system CPU time of the process and its children. */
  cpuSeconds: number;
  /** Peak resident set size, bytes. */
  peakRssBytes: number;
}

/**
 * Runs a command to the end under GNU time, stdout to /dev/null (writing the
 * text is part of the work, reading it back is not), and returns its cost.
 * Throws with the command's stderr when it exits with a status not in
 * `acceptedStatuses`, so a broken side cannot pass for a fast one.
 */
export function measureProcess(
  command: string,
  args: readonly string[],
  acceptedStatuses: readonly number[] = [0],
): ProcessCost {
  ensureDebianPackages([{ path: TIME, pkg: 'time' }]);
  const report = join(tmpdir(), `khoscope-bench-time-${process.pid}.txt`);
  const devNull = openSync('/dev/null', 'w');
  try {
    const run = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', report, command, ...args], {
      stdio: ['ignore', devNull, 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status === null || !acceptedStatuses.includes(run.status))
      throw new Error(`${command} ${args.join(' ')} exited with ${run.status ?? run.signal}: ${run.stderr}`);
    const [wall, user, system, rssKilobytes] = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .pop()!
      .split(' ')
      .map(Number);
    return { wallSeconds: wall, cpuSeconds: user + system, peakRssBytes: rssKilobytes * 1024 };
  } finally {
    closeSync(devNull);
    rmSync(report, { force: true });
  }
}
