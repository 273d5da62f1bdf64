import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDts } from '../../fdt/dts';
import { decompileWithDtc } from '../../fdt/dts/testing/NodeDtcDecompile';
import { requireDtc } from '../../fdt/testing/NodeDtc';
import { writeFdt } from '../../fdt';
import { CARVED_TRUTH } from '../../kho/carve/testing/NodeCarvedFixtures';
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
    writeFileSync(
      first,
      blob(
        '/memreserve/ 0x1000 0x2000;\n/ { compatible = "kho-v4"; s = "a", "b"; n@1 { reg = <1 2>; odd = [01 02 03]; }; };',
      ),
    );
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
    expect(readFileSync(join(out, 'memblock.dts'), 'latin1')).toBe(
      decompileWithDtc(new Uint8Array(readFileSync(bare))),
    );
  });

  it('reports a missing file and a file that is not an FDT on stderr, still doing the rest, and exits 3', async () => {
    const { status, stdout, stderr } = await runCliLatin1('dts', join(dir, 'missing.dtb'), garbage, second);
    expect(status).toBe(3);
    expect(stderr).toContain(`khoscope dts: ${join(dir, 'missing.dtb')}: no such file or folder\n`);
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
    const valued = await runCliLatin1('dts', '--allow-truncated=yes', first);
    expect(valued.status).toBe(2);
  });

  it('has --help, and is listed by khoscope --help', async () => {
    const help = await runCliLatin1('dts', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: khoscope dts FILE.dtb... [--out-dir DIR] [--allow-truncated]');
    expect(help.stdout).toMatch(/^ {2}--allow-truncated {6}print a blob whose file ends before the blob does$/m);
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

describe('khoscope dts --allow-truncated', () => {
  const folder = temporaryFolder('khoscope-dts-cut-');
  /** The kernel's debugfs root file: the first 233 bytes of the 405-byte root FDT (its size was fixed before the root grew). */
  const debugfsRoot = join(CARVED_TRUTH, 'debugfs/kho/out/fdt');
  let whole: string;
  let stringsCut: string;
  let headerOnly: string;

  beforeAll(() => {
    requireDtc();
    const dir = folder();
    whole = join(dir, 'whole.dtb');
    stringsCut = join(dir, 'strings-cut.dtb');
    headerOnly = join(dir, 'header-only.dtb');
    const bytes = blob('/ { compatible = "kho-v4"; a { first = <1>; }; b { second = "x"; }; };');
    writeFileSync(whole, bytes);
    // The strings block is last: dropping the last name ("second") cuts only it.
    writeFileSync(stringsCut, bytes.subarray(0, bytes.length - 'second'.length - 1));
    writeFileSync(headerOnly, bytes.subarray(0, 20));
  });

  it("refuses the debugfs root file without the flag, keeping the reader's error and naming the flag", async () => {
    const { status, stdout, stderr } = await runCliLatin1('dts', debugfsRoot);
    expect(status).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `khoscope dts: ${debugfsRoot}: not a valid FDT: header at 0x4: totalsize 405 is larger than the 233 bytes available ` +
        '(the file holds only the start of the blob: --allow-truncated prints what it holds)\n',
    );
  });

  it('prints the debugfs root file as far as it goes and says on stderr where it was cut and what is missing', async () => {
    const { status, stdout, stderr } = await runCliLatin1('dts', '--allow-truncated', debugfsRoot);
    expect(status).toBe(0);
    const name = (offset: string) => `<name at strings+${offset} not in the 233 bytes present>`;
    expect(stdout).toBe(
      [
        '/dts-v1/;',
        '',
        '/ {',
        `\t${name('0x15')} = "kho-v4";`,
        `\t${name('0x0')} = <0x902300 0x00>;`,
        '',
        '\tmemblock {',
        `\t\t${name('0x2f')} = <0x26010000 0x00>;`,
        `\t\t${name('0x20')} = <0x708401 0x00>;`,
        '\t};',
        '',
        '\tLUO {',
        `\t\t${name('0x2f')} = <0x20000000 0x00>;`,
        `\t\t${name('0x20')} = <0x408401 0x00>;`,
        '\t};',
        '',
        '\tkho_test {',
        '\t};',
        '};',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe(
      `khoscope dts: ${debugfsRoot}: truncated: the file holds 233 of the FDT's 405 bytes; ` +
        'the structure block stops at 0xe8: the token there is cut (4 nodes and 6 properties read, inside node /kho_test); ' +
        'the strings block (57 bytes at 0x15c) is cut, none of it is present: 6 property names missing; ' +
        'the DTS stops at the cut, closing /, /kho_test there; ' +
        'property names not in the file are printed as placeholders (<name at strings+OFFSET not in the 233 bytes present>)\n',
    );
  });

  it('prints the same nodes and values as the whole root FDT holds up to the cut', async () => {
    const full = decompileWithDtc(new Uint8Array(readFileSync(join(CARVED_TRUTH, 'root-fdt-full.dtb'))));
    const { stdout } = await runCliLatin1('dts', '--allow-truncated', debugfsRoot);
    // Names aside (the cut lost the strings block), each printed line stands in dtc's text of the whole blob, in order.
    const valuePart = (line: string) => line.replace(/^(\t*)(<name at [^>]*>|[^\t =]+) = /, '$1= ');
    const fullLines = full.split('\n').map(valuePart);
    let at = 0;
    for (const line of stdout
      .split('\n')
      .map(valuePart)
      .filter((text) => text.includes('='))) {
      at = fullLines.indexOf(line, at) + 1;
      expect(at, line).toBeGreaterThan(0);
    }
  });

  it('names no open node when only the strings block is cut, and with --out-dir still writes every file', async () => {
    const out = join(folder(), 'out');
    const { status, stdout, stderr } = await runCliLatin1(
      'dts',
      '--allow-truncated',
      '--out-dir',
      out,
      stringsCut,
      whole,
    );
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^khoscope dts: .*strings-cut\.dtb: truncated: the file holds \d+ of the FDT's \d+ bytes; the structure block is whole; the strings block \(\d+ bytes at 0x[0-9a-f]+\) is cut, only \d+ of its bytes are present: 1 property name missing; property names not in the file are printed as placeholders/,
    );
    expect(stderr).not.toContain('closing');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(out, 'strings-cut.dts'), 'latin1')).toMatch(
      /\tb \{\n\t\t<name at strings\+0x[0-9a-f]+ not in the \d+ bytes present> = "x";\n\t\};/,
    );
    expect(readFileSync(join(out, 'whole.dts'), 'latin1')).toBe(decompileWithDtc(new Uint8Array(readFileSync(whole))));
  });

  it('prints a whole blob as dtc does, with no note', async () => {
    const { status, stdout, stderr } = await runCliLatin1('dts', '--allow-truncated', whole);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(decompileWithDtc(new Uint8Array(readFileSync(whole))));
  });

  it('still refuses bytes too short to hold the header, and gives no flag hint where the flag would not help', async () => {
    const cut = await runCliLatin1('dts', '--allow-truncated', headerOnly);
    expect(cut.status).toBe(3);
    expect(cut.stdout).toBe('');
    expect(cut.stderr).toBe(
      `khoscope dts: ${headerOnly}: not a valid FDT: header at 0x0: blob is 20 bytes, shorter than the smallest header (28 bytes)\n`,
    );
    const strict = await runCliLatin1('dts', headerOnly);
    expect(strict.stderr).not.toContain('--allow-truncated');
  });
});
