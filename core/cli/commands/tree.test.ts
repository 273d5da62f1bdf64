import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeedExample } from '../../build/seedExample';
import { runCli, temporaryFolder, writeRawImage } from './testing/cliTestKit';

describe('khoscope tree', () => {
  const folder = temporaryFolder('khoscope-tree-');
  let image: string;

  beforeAll(() => {
    image = join(folder(), 'seed.raw');
    writeRawImage(buildSeedExample().memory, image);
  });

  it('prints the indented tree with page lists, byte orders and diagnostics inline', async () => {
    const { status, stdout } = await runCli('tree', image, '--raw', '--base', '0x40000000', '--root', '0x40000000');
    expect(status).toBe(0);
    expect(stdout).toContain('root 0x40000000: kho-v1 (found by given)');
    expect(stdout).toContain('      [info no-preserved-memory-map] the root has no preserved-memory-map property');
    expect(stdout).toMatch(
      /\n {18}kho,recursive-fdt = 0x40003000, 0x40005000 {2}\(u64 list BE\)\n {20}→ pages 0x40003000 \+ 0x40005000 \(not contiguous\), read BE \(big-endian: /,
    );
    expect(stdout).toMatch(
      /\n {22}fragment 0x40003000: FDT gpu-subnode1-v1, \d+ bytes on pages 0x40003000 \+ 0x40005000 \(not contiguous\)\n/,
    );
    expect(stdout).toContain('reserve-mem n1: [0x46bc00000, +0x4000000)');
  });

  it('finds the root itself when none is given', async () => {
    const { status, stdout } = await runCli('tree', image, '--raw', '--base', '0x40000000');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^root 0x40000000: kho-v1 \(found by page-scan, rank -?\d+\)$/m);
  });

  it('prints the whole graph as JSON with bigints as hex strings', async () => {
    const { status, stdout } = await runCli(
      'tree',
      image,
      '--raw',
      '--base',
      '0x40000000',
      '--root',
      '0x40000000',
      '--format',
      'json',
    );
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ format: 'khoscope-graph', version: 1, source: { kind: 'memory', pageSize: 4096 } });
    expect(json.fragments.map((f: { id: string }) => f.id)).toEqual([
      '0x40000000',
      '0x40001000',
      '0x40002000',
      '0x40003000',
    ]);
    expect(json.links[2]).toMatchObject({
      scheme: 'draft-recursive-fdt',
      addresses: [0x40003000, 0x40005000],
      order: 'be',
      to: '0x40003000',
    });
    const n1 = json.fragments[1].content.root.children[0];
    expect(n1.properties[2]).toMatchObject({
      name: 'start',
      value: { kind: 'u64', value: '0x46bc00000', order: 'le' },
      readings: { le: ['0x46bc00000'], be: ['0xc06b04000000'] },
    });
    expect(json.fragments[1].user.ranges[0]).toEqual({
      name: 'n1',
      node: '/n1',
      start: 0x46bc00000,
      size: '0x4000000',
    });
    expect(typeof json.fragments[0].bytes).toBe('string');
  });

  it('prints every fragment as DTS with the value readings as comments', async () => {
    const { status, stdout } = await runCli(
      'tree',
      image,
      '--raw',
      '--base',
      '0x40000000',
      '--root',
      '0x40000000',
      '--format',
      'dts',
    );
    expect(status).toBe(0);
    expect(stdout.match(/^\/dts-v1\/;$/gm)).toHaveLength(4);
    expect(stdout).toContain(
      '\t\tkho,recursive-fdt = <0x00 0x40003000 0x00 0x40005000>; /* u64 list BE 0x40003000 0x40005000 -> fragment 0x40003000 */',
    );
    expect(stdout).toContain('\t\tstart = <0xc06b 0x4000000>; /* u64 LE 0x46bc00000 */');
  });

  it('refuses an unknown format with the help (status 2)', async () => {
    const { status, stderr } = await runCli('tree', image, '--format', 'yaml');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^khoscope tree: --format must be one of text, json, dts\nusage: khoscope tree IMAGE/);
  });

  it('refuses a malformed address (status 2)', async () => {
    const { status, stderr } = await runCli('tree', image, '--root', 'zero');
    expect(status).toBe(2);
    expect(stderr).toContain("--root 'zero' is not a decimal or 0x-hex number below 2^53");
  });
});
