import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fdtBlob } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { buildKexecChain } from '../../build/kexecChain';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { cstring } from '../../bytes/encoders';
import type { GraphComparison } from '../../kho/compare/GraphComparison';
import { ExitCode } from '../ExitCode';
import { runCli, temporaryFolder, writeRawImage } from './testing/cliTestKit';

const BASE = 0x4000_0000;
const FIXTURES = 'fixtures/linux-7.3';
const PRE = `${FIXTURES}/pre-kexec.carved.elf`;
const AT = `${FIXTURES}/at-kexec.carved.elf`;

describe('khoscope diff', () => {
  const folder = temporaryFolder('khoscope-diff-');
  let twoRoots = '';
  let chain = '';

  beforeAll(() => {
    // Two kernels' roots in one image, holding the same user blob at different addresses.
    const builder = new KhoImageBuilder({ ram: [{ start: BASE, end: BASE + 0x10_0000 }] });
    const blob = fdtBlob([['compatible', cstring('user-v1')]]);
    placeKhoRoot(builder, {
      address: BASE + 0x1000,
      compatible: 'kho-v4',
      map: 'none',
      children: [{ name: 'user', address: BASE + 0x8000, blob }],
    });
    placeKhoRoot(builder, {
      address: BASE + 0x2000,
      compatible: 'kho-v4',
      map: 'none',
      children: [{ name: 'user', address: BASE + 0x9000, blob }],
    });
    twoRoots = join(folder(), 'two-roots.raw');
    writeRawImage(builder.memory, twoRoots);
    chain = join(folder(), 'chain.raw');
    writeRawImage(buildKexecChain(2).memory, chain);
  });

  it('exits 0 and says so when the trees are equal (an ELF and a kdump of one machine)', async () => {
    const { status, stdout } = await runCli('diff', PRE, `${FIXTURES}/pre-kexec.kdump.carved.elf`);
    expect(status).toBe(0);
    expect(stdout).toBe(
      `--- a: ${PRE} root 0x23a000 (kho-v4)\n+++ b: ${FIXTURES}/pre-kexec.kdump.carved.elf root 0x23a000 (kho-v4)\n` +
        '0 added, 0 removed, 0 changed, 0 moved pointer(s): the trees are equal\n',
    );
  });

  it('exits 1 and lists what the kernel added at kexec, with typed readings', async () => {
    const { status, stdout } = await runCli('diff', PRE, AT);
    expect(status).toBe(1);
    expect(stdout).toContain(
      'fragment /LUO  (0x1844000 → 0x1844000)\n  ~ field sessions_pa: 0x0 (u64 LE) → 0x1863000 (u64 LE)\n',
    );
    expect(stdout).toContain('  + user sessions[0].name: "kho-demo-session"\n');
    expect(stdout).toContain(
      'fragment /LUO › sessions[0].files[0].data  (none → 0x1868000)\n  + fragment 0x1868000 (memfd-v2, 48 bytes) added\n',
    );
    expect(stdout).toMatch(/7 added, 0 removed, 1 changed, 0 moved pointer\(s\): the trees differ\n$/);
  });

  it('prints the comparison as JSON data with --format json', async () => {
    const { status, stdout } = await runCli('diff', PRE, AT, '--format', 'json');
    expect(status).toBe(1);
    const comparison = JSON.parse(stdout) as GraphComparison;
    expect(comparison.equal).toBe(false);
    expect(comparison.a).toEqual({ label: PRE, rootAddress: 0x23a000, rootFragment: '0x23a000', compatible: 'kho-v4' });
    expect(comparison.counts).toEqual({ added: 7, removed: 0, changed: 1, moved: 0 });
    expect(comparison.fragments.find((pair) => pair.status === 'added')?.b).toBe('0x1868000');
  });

  it('compares two roots of one image; a pointer that moved does not count as a difference', async () => {
    const base = ['--base', String(BASE)];
    const { status, stdout } = await runCli(
      'diff',
      twoRoots,
      ...base,
      '--root',
      '0x40001000',
      '--root-b',
      '0x40002000',
    );
    expect(stdout).toContain('  > property /user preserved-data: 0x40008000 (u64 LE) → 0x40009000 (u64 LE)\n');
    expect(stdout).toContain('0 added, 0 removed, 0 changed, 1 moved pointer(s): the trees are equal\n');
    expect(status).toBe(0);
  });

  it('with one image and no roots named, compares its incoming root with its outgoing one', async () => {
    const { status, stdout } = await runCli('diff', chain);
    expect(status).toBe(1);
    expect(stdout).toMatch(
      /^--- a: .*chain\.raw root 0x100000 \(kho-v4\)\n\+\+\+ b: .*chain\.raw root 0x200000 \(kho-v4\)\n/,
    );
    expect(stdout).toContain('  - node /kho_test removed (with 2 properties and 0 subnodes)\n');
    expect(stdout).toContain('  > property /memblock preserved-data: 0x101000 (u64 LE) → 0x201000 (u64 LE)\n');
    expect(stdout).not.toContain('fragment /memblock ');
    const single = await runCli('diff', PRE);
    expect(single.status).toBe(2);
    expect(single.stderr).toContain(
      'does not hold one incoming and one outgoing root (0x23a000 (outgoing)): give the two roots to compare with --root ADDR --root-b ADDR',
    );
  });

  it('exits 2 for usage mistakes, naming the roots to choose from', async () => {
    const several = await runCli('diff', twoRoots, AT, '--base', String(BASE));
    expect(several.status).toBe(2);
    expect(several.stderr).toContain('has 2 KHO roots (0x40001000, 0x40002000): choose one with --root ADDR');
    const oneRoot = await runCli('diff', PRE, '--root', '0x23a000');
    expect(oneRoot.status).toBe(2);
    expect(oneRoot.stderr).toContain(
      'with one image, give both roots to compare (--root ADDR --root-b ADDR), or neither',
    );
    const format = await runCli('diff', PRE, AT, '--format', 'yaml');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format must be one of text, json');
  });

  it('exits with its unreadable-input status when an image cannot be read', async () => {
    const { status, stderr } = await runCli('diff', PRE, join(folder(), 'missing.elf'));
    expect(status).toBe(ExitCode.unreadableInput);
    expect(stderr).toContain('no such file or folder');
  });
});
