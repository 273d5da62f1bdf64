import { execFile } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
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
export function runCli(...args: string[]): Promise<CliRun> {
  return runCliDecoded('utf8', args);
}

/** `runCli` with the output decoded as latin1: one char per byte, as DTS text keeps names. */
export function runCliLatin1(...args: string[]): Promise<CliRun> {
  return runCliDecoded('latin1', args);
}

async function runCliDecoded(encoding: 'utf8' | 'latin1', args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run('node', ['bin/khoscope.js', ...args], {
      cwd: repository,
      encoding,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * A fresh folder under the OS temp folder for the tests of one `describe`
 * (made before them, removed after them). Returns its getter: the path is
 * known only once the tests run.
 */
export function temporaryFolder(prefix: string): () => string {
  let folder = '';
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return () => folder;
}

/** Writes the one RAM range of `memory` as a raw image file (byte 0 = the range start; pass it as --base). */
export function writeRawImage(memory: SparseMemory, path: string): void {
  const [range] = memory.ranges;
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, range.end - range.start);
    for (const page of memory.writtenPages())
      writeSync(fd, memory.readSync(page, memory.pageSize), 0, memory.pageSize, page - range.start);
  } finally {
    closeSync(fd);
  }
}
