import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKexecChain } from '../../build/kexecChain';
import { runCli, temporaryFolder, writeRawImage } from './testing/cliTestKit';

describe('khoscope compat', () => {
  const folder = temporaryFolder('khoscope-compat-');
  let image = '';
  beforeAll(() => {
    image = join(folder(), 'chain.raw');
    writeRawImage(buildKexecChain(3).memory, image);
  });

  it('lists the formats; exits 0 without a target', async () => {
    const { status, stdout } = await runCli('compat', image);
    expect(status).toBe(0);
    expect(stdout).toContain('kho-v4             root 0x300000 compatible: read by 7.2 to 7.3 (newest catalogued)\n');
    expect(stdout).not.toContain('can ');
  });

  it('--target answers with the reason; exit 1 unless yes; --format json', async () => {
    expect((await runCli('compat', image, '--target', '7.3')).status).toBe(0);
    const old = await runCli('compat', image, '--target', '7.0', '--format', 'json');
    expect(old.status).toBe(1);
    const report = JSON.parse(old.stdout);
    expect(report).toMatchObject({ target: '7.0', answer: 'no' });
    expect(report.items.find((i: { id: string }) => i.id === 'kho-v4')).toMatchObject({
      where: 'root 0x300000 compatible',
      status: 'released',
      answer: 'no',
      reason: 'first read by 7.2',
    });
    const bad = await runCli('compat', image, '--target', 'next');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--target must be a release such as 7.4 or 7.4-rc1, not 'next'");
  });
});
