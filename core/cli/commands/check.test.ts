import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { fdtBlob } from '../../build/fdtTree';
import { buildKexecChain } from '../../build/kexecChain';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot, type KhoChildSpec } from '../../build/placeKhoRoot';
import { cstring } from '../../bytes/encoders';
import { runCli, temporaryFolder, writeRawImage } from './testing/cliTestKit';

const BASE = 0x4000_0000;
const blob = fdtBlob([['compatible', cstring('user-v1')]]);

describe('khoscope check', () => {
  const folder = temporaryFolder('khoscope-check-');
  const images: Record<'clean' | 'warning' | 'error', string> = { clean: '', warning: '', error: '' };

  beforeAll(() => {
    const variants: Record<keyof typeof images, KhoChildSpec[]> = {
      clean: [{ name: 'user', address: BASE + 0x8000, blob }],
      warning: [{ name: 'user', address: BASE + 0x8000, blob, preserve: false }],
      error: [{ name: 'user', address: BASE + 0x8000, blob: new Uint8Array(64) }],
    };
    for (const [name, children] of Object.entries(variants) as [keyof typeof images, KhoChildSpec[]][]) {
      const builder = new KhoImageBuilder({ ram: [{ start: BASE, end: BASE + 0x10_0000 }] });
      placeKhoRoot(builder, { address: BASE + 0x1000, compatible: 'kho-v2', map: 'radix-tree', children });
      images[name] = join(folder(), `${name}.raw`);
      writeRawImage(builder.memory, images[name]);
    }
  });

  it('exits 0 for a clean tree and says so', async () => {
    const { status, stdout } = await runCli('check', images.clean, '--base', String(BASE));
    expect(status).toBe(0);
    expect(stdout).toBe('1 root(s), 2 fragment(s): 0 error(s), 0 warning(s), 0 note(s)\n');
  });

  it('exits 0 with warnings, 1 with warnings under --strict', async () => {
    const relaxed = await runCli('check', images.warning, '--base', String(BASE));
    expect(relaxed.status).toBe(0);
    expect(relaxed.stdout).toContain(
      'warning not-preserved at 0x40008000 (0x40008000): fragment 0x40008000: 1 page is not marked preserved',
    );
    const strict = await runCli('check', images.warning, '--base', String(BASE), '--strict');
    expect(strict.status).toBe(1);
  });

  it('exits 1 when there are errors', async () => {
    const { status, stdout } = await runCli('check', images.error, '--base', String(BASE), '--strict');
    expect(status).toBe(1);
    expect(stdout).toContain('error bad-magic at 0x40001000 /user preserved-data (0x40008000): no FDT at 0x40008000');
    expect(stdout).toMatch(/1 error\(s\), 0 warning\(s\)/);
  });

  it('judges the outgoing root of a kexec chain and notes the consumed ones; --root judges strictly', async () => {
    const path = join(folder(), 'chain.raw');
    writeRawImage(buildKexecChain(3).memory, path);
    const judged = await runCli('check', path);
    expect(judged.status).toBe(0);
    expect(judged.stdout).toMatch(
      /^root 0x300000: outgoing \(map at 0x[0-9a-f]+ preserves \d+ block\(s\), the root page among them;/m,
    );
    expect(judged.stdout).toMatch(/^root 0x200000: incoming \(.*preserves nothing: its pages are zeroed/m);
    expect(judged.stdout).toMatch(/^root 0x100000: stale \(/m);
    expect(judged.stdout).toContain(
      'info bad-magic at 0x203000 compatible +0x0: expected in 0x200000, the incoming root, which this kernel consumed at boot (map zeroed, blobs freed); strictly an error: luo_ser compatible is',
    );
    expect(judged.stdout).toMatch(/: 0 error\(s\), 0 warning\(s\), \d+ note\(s\)\n$/);
    const strict = await runCli('check', path, '--root', '0x200000');
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('error bad-magic at 0x203000');
  });

  it('places the real kernel image from VMCOREINFO and flags demo2 moved into it (the kernel takes that silently)', async () => {
    const fixture = fileURLToPath(new URL('../../../fixtures/linux-7.3/pre-kexec.carved.elf', import.meta.url));
    const clean = await runCli('check', fixture);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain(
      'kernel image: [0x1000000, 0x17be000 at least) from VMCOREINFO SYMBOL(_stext), its highest kernel symbol, NUMBER(phys_base)\n',
    );
    expect(clean.stdout).not.toContain('reserve-mem-placement');
    const moved = join(folder(), 'moved.elf');
    const edit = await runCli('edit', fixture, '-o', moved, '--set', '/memblock/demo2:start=u64le:0x1000000');
    expect(edit.status).toBe(0);
    // The edited tree is judged against the input's kernel image, so edit itself warns before anything is booted.
    expect(edit.stderr).toMatch(
      /khoscope edit: warning: the edited tree has a new error reserve-mem-placement: reserve-mem demo2 \[0x1000000, 0x1200000\) overlaps the kernel image/,
    );
    const judged = await runCli('check', moved, '--format', 'json');
    expect(judged.status).toBe(1);
    const report = JSON.parse(judged.stdout);
    expect(report.kernel.kernelImage).toMatchObject({ start: 0x100_0000, end: 0x17b_e000, endIsLowerBound: true });
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'reserve-mem-placement',
        message: expect.stringMatching(/^reserve-mem demo2 \[0x1000000, 0x1200000\) overlaps the kernel image/),
      }),
    );
  });

  it("judges reserve_mem= against a debugfs set's cmdline file, and --cmdline replaces it", async () => {
    const truth = fileURLToPath(new URL('../../../fixtures/linux-7.3/truth/debugfs/kho/out/', import.meta.url));
    const set = join(folder(), 'out');
    cpSync(truth, set, { recursive: true });
    writeFileSync(join(set, 'cmdline'), 'console=ttyS0 kho=on reserve_mem=4M:4096:demo1 reserve_mem=1M:4096:demo2\n');
    const files = [
      'fdt',
      'scratch_phys',
      'scratch_len',
      'cmdline',
      ...readdirSync(join(set, 'sub_fdts')).map((f) => `sub_fdts/${f}`),
    ];
    const fromImage = await runCli('check', ...files.map((f) => join(set, f)));
    expect(fromImage.status).toBe(1);
    expect(fromImage.stdout).toContain(
      'command line: "console=ttyS0 kho=on reserve_mem=4M:4096:demo1 reserve_mem=1M:4096:demo2" from debugfs cmdline\n',
    );
    expect(fromImage.stdout).toMatch(
      /error reserve-mem-cmdline .*demo2 is 0x200000 bytes here, but the command line's reserve_mem=1M:4096:demo2 asks for 0x100000: .* \(command line from debugfs cmdline\)/,
    );
    const given = await runCli(
      'check',
      ...files.map((f) => join(set, f)),
      '--cmdline',
      'reserve_mem=4M:4096:demo1 reserve_mem=2M:4096:demo2',
    );
    expect(given.status).toBe(0);
    expect(given.stdout).not.toContain('reserve-mem-cmdline');
  });
});
