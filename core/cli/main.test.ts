import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from './commands/testing/cliTestKit';

describe('khoscope (no command, help, exit statuses)', () => {
  const folder = temporaryFolder('khoscope-main-');

  it('prints the help and exits 0 when run bare, and lists every command and the exit statuses', async () => {
    const bare = await runCli();
    expect(bare.status).toBe(0);
    expect(bare.stderr).toBe('');
    for (const name of ['open', 'scan', 'tree', 'extract', 'check', 'diff', 'carve', 'dts', 'edit', 'build'])
      expect(bare.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(bare.stdout).toContain('3  unreadable input');
    expect((await runCli('--help')).stdout).toBe(bare.stdout);
  });

  it('says an unknown command or option is a usage error (2)', async () => {
    const unknown = await runCli('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("khoscope: unknown command 'frobnicate' (see khoscope --help)\n");
    const format = await runCli('check', 'x.elf', '--format', 'dts');
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/^khoscope check: --format must be one of text, json\nusage: khoscope check/);
    const oldJson = await runCli('scan', 'x.elf', '--json');
    expect(oldJson.status).toBe(2);
  });

  it('says in one sentence that a file is missing, and exits 3', async () => {
    const path = join(folder(), 'nope.elf');
    for (const args of [['tree'], ['check'], ['extract', '-o', join(folder(), 'out')]]) {
      const command = args[0];
      const missing = await runCli(...args, path);
      expect(missing.status).toBe(3);
      expect(missing.stderr).toBe(`khoscope ${command}: ${path}: no such file or folder\n`);
      expect(missing.stdout).toBe('');
    }
    const spec = await runCli('build', path, '-o', join(folder(), 'x.elf'));
    expect(spec.status).toBe(3);
    expect(spec.stderr).toBe(`khoscope build: ${path}: no such file or folder\n`);
  });
});
