import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wideRootElf } from '../kho/testing/wideRootImage';
import { temporaryFolder } from './commands/testing/cliTestKit';
import { ExitCode } from './ExitCode';

const repository = join(__dirname, '../..');

/** True once process `pid` holds `path` open (Linux /proc; elsewhere, after a fixed wait). */
async function waitUntilOpen(pid: number, path: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  if (!existsSync(`/proc/${pid}/fd`)) {
    await new Promise((resolve) => setTimeout(resolve, 8000));
    return;
  }
  while (Date.now() - started < timeoutMs) {
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === path)) return;
    } catch {
      // A descriptor closed between listing and reading it: look again.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`khoscope did not open ${path} within ${timeoutMs} ms`);
}

/**
 * Ctrl-C in the CLI (issue 14): `scan` and `tree` on a 1 TiB sparse raw
 * image (every byte of it stored, so the root scan reads for minutes) get
 * SIGINT once they are reading it, and must stop within 1 s with a message
 * and the documented status (130).
 */
describe('Ctrl-C', () => {
  const folder = temporaryFolder('khoscope-interrupt-');

  for (const command of ['scan', 'tree']) {
    it(`stops khoscope ${command} on a 1 TiB image within 1 s`, async () => {
      const image = join(folder(), `${command}-1tib.raw`);
      const fd = openSync(image, 'w');
      ftruncateSync(fd, 2 ** 40);
      closeSync(fd);
      const child = spawn('node', ['bin/khoscope.js', command, image], { cwd: repository });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
        child.once('exit', (code) => resolve({ code, at: performance.now() })),
      );
      await waitUntilOpen(child.pid!, image, 30_000);
      // A moment inside the scan loop, not in the open.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(child.exitCode, `khoscope ${command} ended before Ctrl-C: ${stderr}`).toBeNull();
      const sentAt = performance.now();
      child.kill('SIGINT');
      const { code, at } = await exited;
      expect(at - sentAt).toBeLessThan(1000);
      expect(code).toBe(ExitCode.interrupted);
      expect(stderr).toContain(`khoscope ${command}: interrupted (Ctrl-C)`);
    }, 60_000);
  }

  // Rendering: the graph JSON of a root with 60,000 children is about 78 MB,
  // written for a second or more after the decode, to a file: Node writes
  // stdout to a file synchronously (no 'drain' to wait for), so only the
  // render's own checkpoints let Ctrl-C in. It comes once the file grows.
  it('stops khoscope tree while it renders a giant, within 1 s', async () => {
    const image = join(folder(), 'wide-60000.elf');
    writeFileSync(image, wideRootElf(60_000));
    const output = join(folder(), 'wide-60000.json');
    const fd = openSync(output, 'w');
    const child = spawn('node', ['bin/khoscope.js', 'tree', image, '--format', 'json'], {
      cwd: repository,
      stdio: ['ignore', fd, 'pipe'],
    });
    closeSync(fd);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      child.once('exit', (code) => resolve({ code, at: performance.now() })),
    );
    while (child.exitCode === null && statSync(output).size === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(child.exitCode, `khoscope tree ended before Ctrl-C: ${stderr}`).toBeNull();
    const sentAt = performance.now();
    child.kill('SIGINT');
    const { code, at } = await exited;
    expect(code, `exit status (stderr: ${stderr})`).toBe(ExitCode.interrupted);
    expect(at - sentAt).toBeLessThan(1000);
    expect(stderr).toContain('khoscope tree: interrupted (Ctrl-C)');
    expect(statSync(output).size, 'the render was stopped before its end').toBeLessThan(70_000_000);
  }, 60_000);
});
