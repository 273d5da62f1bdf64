import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SparseMemory } from '../../mem/SparseMemory';
import { anchorPage, fdtBlob, placeRoot, placeSpreadFdt } from '../../kho/discover/testing/khoTestImage';
import { runCli, temporaryFolder, writeRawImage } from './testing/cliTestKit';

const BASE = 0x4000_0000;

describe('khoscope scan', () => {
  const folder = temporaryFolder('khoscope-scan-');
  let image: string;

  beforeAll(() => {
    // 16 MiB of RAM at 1 GiB: a live kho-v4 root, a decoy DTB and an anchor-chain root.
    const memory = new SparseMemory(4096, [{ start: BASE, end: BASE + 16 * 1024 * 1024 }]);
    placeRoot(memory, {
      address: BASE + 0x23a000,
      compatible: 'kho-v4',
      map: 'radix-tree',
      mapPages: BASE + 0x600000,
      children: [{ name: 'kho_test', blob: BASE + 0x528000, property: 'preserved-data', blobSize: 240 }],
    });
    memory.write(BASE + 0x100000, fdtBlob('linux,dummy-virt'));
    const pages = [BASE + 0x300000, BASE + 0x302000];
    memory.write(BASE + 0x310000, anchorPage(4096, 0, placeSpreadFdt(memory, 'kho-v1', pages), pages));
    image = join(folder(), 'image.raw');
    writeRawImage(memory, image);
  });

  it('prints the ranked candidates as a table', async () => {
    const { status, stdout } = await runCli('scan', image, '--base', '0x40000000');
    expect(status).toBe(0);
    const rows = stdout.split('\n').filter((line) => /^\s*-?\d+\s+0x/.test(line));
    expect(rows.map((r) => r.trim().split(/\s+/))).toEqual([
      ['90', '0x4023a000', expect.any(String), 'kho-v4', 'page-scan'],
      ['50', '0x40310000', expect.any(String), 'kho-v1', 'anchor'],
    ]);
    expect(stdout).toContain("+30  the root's page is preserved in its own radix-tree map at 0x40600000");
  });

  it('prints JSON with every FDT on request', async () => {
    const { status, stdout } = await runCli('scan', image, '--base', '0x40000000', '--all-fdts', '--format', 'json');
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.candidates.map((c: { address: string; how: string }) => [c.address, c.how])).toEqual([
      ['0x4023a000', 'page-scan'],
      ['0x40310000', 'anchor'],
    ]);
    expect(report.candidates[0].map).toMatchObject({ encoding: 'radix-tree', blocks: 2, preservedBytes: 8192 });
    // The anchor chain's first FDT page does not parse on its own: its second page is elsewhere.
    expect(report.fdts.map((f: { compatible: string | null }) => f.compatible)).toEqual([
      'linux,dummy-virt',
      'kho-v4',
      null,
      'kho_test-v1',
    ]);
    expect(report.fdts[2]).toMatchObject({ address: '0x40300000', problem: expect.stringMatching(/structure block/) });
    expect(report.bytesScanned).toBe(16 * 1024 * 1024);
  });

  it('validates a root given with --root', async () => {
    const { status, stdout } = await runCli(
      'scan',
      image,
      '--base',
      '0x40000000',
      '--root',
      '0x4023a000',
      '--format',
      'json',
    );
    expect(status).toBe(0);
    expect(JSON.parse(stdout).candidates).toMatchObject([{ address: '0x4023a000', how: 'given', rank: 90 }]);
    const bad = await runCli('scan', image, '--base', '0x40000000', '--root', '0x40001000');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^khoscope scan: root at physical address 0x40001000: no valid FDT header/);
  });

  it('reports usage errors and unreadable files on stderr with a non-zero status', async () => {
    const usage = await runCli('scan', image, '--base', 'forty');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--base 'forty' is not a decimal or 0x-hex number");
    const missing = await runCli('scan', join(folder(), 'nope.raw'));
    expect(missing.status).toBe(3);
    expect(missing.stderr).toBe(`khoscope scan: ${join(folder(), 'nope.raw')}: no such file or folder\n`);
    expect(missing.stdout).toBe('');
  });
});
