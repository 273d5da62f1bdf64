import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDts } from '../../fdt/dts';
import { decompileWithDtc } from '../../fdt/dts/testing/NodeDtcDecompile';
import { requireDtc } from '../../fdt/testing/NodeDtc';
import { writeFdt } from '../../fdt';
import { runCliLatin1, temporaryFolder } from './testing/cliTestKit';

const blob = (body: string): Uint8Array => writeFdt(parseDts(`/dts-v1/;\n${body}\n`));

describe('khoscope dts', () => {
  const folder = temporaryFolder('khoscope-dts-');
  let dir: string;
  let first: string;
  let second: string;
  let bare: string;
  let garbage: string;

  beforeAll(() => {
    requireDtc();
    dir = folder();
    first = join(dir, 'first.dtb');
    second = join(dir, 'second.dtb');
    bare = join(dir, 'memblock');
    garbage = join(dir, 'garbage.dtb');
    writeFileSync(first, blob('/memreserve/ 0x1000 0x2000;\n/ { compatible = "kho-v4"; s = "a", "b"; n@1 { reg = <1 2>; odd = [01 02 03]; }; };'));
    writeFileSync(second, blob('/ { empty; };'));
    writeFileSync(bare, blob('/ { compatible = "memblock-v1"; };'));
    writeFileSync(garbage, 'not a device tree at all');
  });

  it("prints one file's DTS exactly as dtc -I dtb -O dts does", async () => {
    const { status, stdout, stderr } = await runCliLatin1('dts', first);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(decompileWithDtc(new Uint8Array(readFileSync(first))));
  });

  it("prints several files one after another, each after a '// FILE' line", async () => {
    const { status, stdout } = await runCliLatin1('dts', first, second);
    expect(status).toBe(0);
    const expected = `// ${first}\n${decompileWithDtc(new Uint8Array(readFileSync(first)))}\n// ${second}\n${decompileWithDtc(new Uint8Array(readFileSync(second)))}`;
    expect(stdout).toBe(expected);
  });

  it('writes DIR/<name>.dts for each file with --out-dir, creating DIR', async () => {
    const out = join(dir, 'out', 'nested');
    const { status, stdout } = await runCliLatin1('dts', '--out-dir', out, first, bare);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['first.dts', 'memblock.dts']);
    expect(readFileSync(join(out, 'memblock.dts'), 'latin1')).toBe(decompileWithDtc(new Uint8Array(readFileSync(bare))));
  });

  it('reports a missing file and a file that is not an FDT on stderr, still doing the rest, and exits 1', async () => {
    const { status, stdout, stderr } = await runCliLatin1('dts', join(dir, 'missing.dtb'), garbage, second);
    expect(status).toBe(1);
    expect(stderr).toContain(`khoscope dts: ${join(dir, 'missing.dtb')}: no such file`);
    expect(stderr).toContain(`khoscope dts: ${garbage}: not a valid FDT: header at 0x0: bad magic`);
    expect(stdout).toBe(`// ${second}\n${decompileWithDtc(new Uint8Array(readFileSync(second)))}`);
  });

  it('exits 2 with the usage for a wrong command line', async () => {
    const none = await runCliLatin1('dts');
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('give at least one FILE.dtb');
    const clash = await runCliLatin1('dts', '--out-dir', dir, first, join(dir, 'sub', 'first.dtb'));
    expect(clash.status).toBe(2);
    expect(clash.stderr).toContain('would both be written to');
    const unknown = await runCliLatin1('dts', '--bogus', first);
    expect(unknown.status).toBe(2);
  });

  it('has --help, and is listed by khoscope --help', async () => {
    const help = await runCliLatin1('dts', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: khoscope dts FILE.dtb... [--out-dir DIR]');
    const top = await runCliLatin1('--help');
    expect(top.stdout).toMatch(/^ {2}dts\s+decompile DTB files to DTS text/m);
  });

  it('refuses to write over a directory', async () => {
    mkdirSync(join(dir, 'blocked', 'first.dts'), { recursive: true });
    const { status, stderr } = await runCliLatin1('dts', '--out-dir', join(dir, 'blocked'), first);
    expect(status).not.toBe(0);
    expect(stderr).toContain('first.dts');
  });
});
