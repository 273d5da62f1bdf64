import { execFile } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SparseMemory } from '../../../mem/SparseMemory';

const run = promisify(execFile);
const repository = join(__dirname, '../../../..');

/** What one CLI run printed and returned. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/khoscope.js ARGS` from the repository root; resolves even when the command fails. */
export async function runCli(...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run('node', ['bin/khoscope.js', ...args], { cwd: repository, maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Writes the one RAM range of `memory` as a raw image file (byte 0 = the range start; pass it as --base). */
export function writeRawImage(memory: SparseMemory, path: string): void {
  const [range] = memory.ranges;
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, range.end - range.start);
    for (const page of memory.writtenPages()) writeSync(fd, memory.readSync(page, memory.pageSize), 0, memory.pageSize, page - range.start);
  } finally {
    closeSync(fd);
  }
}
