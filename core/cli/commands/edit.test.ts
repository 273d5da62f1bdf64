import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, temporaryFolder } from './testing/cliTestKit';

describe('khoscope build and edit', () => {
  const folder = temporaryFolder('khoscope-edit-');
  let seed: string;
  let v4: string;

  beforeAll(async () => {
    seed = join(folder(), 'seed.elf');
    v4 = join(folder(), 'v4.elf');
    expect((await runCli('build', 'demos/seed-example.json', '-o', seed)).status).toBe(0);
    expect((await runCli('build', 'demos/kho-v4.json', '-o', v4)).status).toBe(0);
  });

  it("build writes the spec's image and says where everything went", async () => {
    const out = join(folder(), 'again.elf');
    const { status, stdout } = await runCli('build', 'demos/seed-example.json', '-o', out);
    expect(status).toBe(0);
    expect(stdout).toContain('root top (kho-v1) at 0x40000000');
    expect(stdout).toContain('fragment node1: ');
    expect(stdout).toContain('pages 0x40003000 + 0x40005000');
    expect(readFileSync(out)).toEqual(readFileSync(seed));
  });

  it('build reports a bad spec with its place (status 3) and a bad command line with the help (status 2)', async () => {
    const spec = join(folder(), 'bad.json');
    writeFileSync(
      spec,
      JSON.stringify({
        ram: [{ start: '0x1000', size: '0x1000' }],
        fragments: {},
        roots: [{ fragment: 'x', scheme: 'draft' }],
      }),
    );
    const bad = await runCli('build', spec, '-o', join(folder(), 'x.elf'));
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(/roots\[0\]\.fragment: names no fragment/);
    const usage = await runCli('build', spec);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: khoscope build');
  });

  it('applies operations in command-line order, across links, and writes an image that decodes to the edit', async () => {
    const out = join(folder(), 'seed-edited.elf');
    const fragment = join(folder(), 'extra.dts');
    writeFileSync(fragment, '/dts-v1/;\n/ { compatible = "extra-v1"; };\n');
    const { status, stdout, stderr } = await runCli(
      'edit',
      seed,
      '-o',
      out,
      '--add-node',
      '/gpu@0x100000000/node2/fresh',
      '--set',
      '/gpu@0x100000000/node2/fresh:size=u64le:0x1000',
      '--set=/gpu@0x100000000/node1:key5="changed"',
      '--rename',
      '/memblock/n2=n9',
      '--split',
      '/gpu@0x100000000/node2',
      '--add-fragment',
      `/gpu@0x100000000/extra=${fragment}`,
      '--page-order',
      '/gpu@0x100000000/node1=le',
      '--delete',
      '/gpu@0x100000000:key2',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('--split /gpu@0x100000000/node2: split in fragment 0x40002000 /node2');
    expect(stdout).toMatch(/wrote .*seed-edited\.elf \(elf, \d+ bytes\)/);
    const tree = await runCli('tree', out);
    expect(tree.stdout).toContain('n9/');
    expect(tree.stdout).not.toMatch(/ key2 = /);
    expect(tree.stdout).toContain('key5 = "changed"');
    expect(tree.stdout).toContain('compatible = "extra-v1"');
    expect(tree.stdout).toMatch(/fresh\/\n\s+size = 0x1000 \(4096\) {2}\(u64 LE\)/);
    expect(tree.stdout).toMatch(/pages 0x40003000 \+ 0x40005000 \(not contiguous\), read LE/);
  });

  it('takes an --add-fragment DTS file that dtc refuses without -f only with --force, naming each problem', async () => {
    const fragment = join(folder(), 'duplicate-phandles.dts');
    writeFileSync(
      fragment,
      '/dts-v1/;\n/ {\n\tcompatible = "extra-v1";\n\ta { phandle = <1>; };\n\tb { phandle = <1>; };\n};\n',
    );
    const out = join(folder(), 'forced.elf');
    const add = ['--add-fragment', `/gpu@0x100000000/extra=${fragment}`];
    const refused = await runCli('edit', seed, '-o', out, ...add);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/duplicate-phandles\.dts line 5, column \d+: .*phandle/);
    expect(refused.stderr).toContain('--force takes such a file');
    expect(existsSync(out)).toBe(false);
    const forced = await runCli('edit', seed, '-o', out, '--force', ...add);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toMatch(
      /warning: .*duplicate-phandles\.dts line 5, column \d+: .*phandle.* \(taken with --force\)/,
    );
    const tree = await runCli('tree', out);
    expect(tree.stdout).toContain('compatible = "extra-v1"');
  });

  it('writes the DTS of one edited fragment, the graph as JSON, or debugfs files', async () => {
    const dts = join(folder(), 'gpu.dts');
    expect(
      (
        await runCli(
          'edit',
          seed,
          '-o',
          dts,
          '--format',
          'dts',
          '--fragment',
          '/gpu@0x100000000',
          '--set',
          '/gpu@0x100000000:key1="one"',
        )
      ).status,
    ).toBe(0);
    expect(readFileSync(dts, 'latin1')).toMatch(/^\/dts-v1\/;\n\n\/ \{\n\tcompatible = "gpu-v1";\n\tkey1 = "one";/);
    const json = join(folder(), 'graph.json');
    expect((await runCli('edit', v4, '-o', json, '--format', 'json', '--delete', '/kexec-metadata')).status).toBe(0);
    const graph = JSON.parse(readFileSync(json, 'utf8'));
    expect(graph.fragments.map((f: { format: string }) => f.format)).not.toContain('kexec-metadata');
    const out = join(folder(), 'debugfs');
    expect(
      (await runCli('edit', v4, '-o', out, '--format', 'debugfs', '--set', '/memblock/demo1:note="x"')).status,
    ).toBe(0);
    expect(existsSync(join(out, 'fdt'))).toBe(true);
    expect(readFileSync(join(out, 'sub_fdts', 'memblock'), 'latin1')).toContain('note');
  });

  it('moves a grown blob of a kho-v4 image and updates its map', async () => {
    const out = join(folder(), 'v4-grown.elf');
    const big = `[${'ab '.repeat(5000).trim()}]`;
    const { status, stdout } = await runCli('edit', v4, '-o', out, '--set', `/memblock/demo1:blob=${big}`);
    expect(status).toBe(0);
    expect(stdout).toMatch(/fragment 0x101000: moved, \d+ bytes at 0x/);
    expect(stdout).toMatch(
      /map of root 0x100000: entries added: order 1 at 0x[0-9a-f]+; removed: order 0 at 0x101000; every other entry kept/,
    );
    const check = await runCli('check', out);
    expect(check.status).toBe(0);
  });

  it('warns about a problem the edit brings in, and still writes the edit', async () => {
    const out = join(folder(), 'seed-warned.elf');
    const { status, stderr } = await runCli('edit', seed, '-o', out, '--delete', '/memblock/n1:size');
    expect(status).toBe(0);
    expect(stderr).toMatch(
      /warning: the edited tree has a new warning missing-property: node \/n1 has no `size` property/,
    );
    expect(existsSync(out)).toBe(true);
  });

  it('refuses an operation with its reason (status 1) and a malformed one with the help (status 2)', async () => {
    const out = join(folder(), 'never.elf');
    const refused = await runCli('edit', v4, '-o', out, '--set', '/memblock:blob-size=u64le:1');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/blob-size is a link to a blob: the editor writes it/);
    const typed = await runCli('edit', v4, '-o', out, '--set', '/memblock/demo1:size=<1>');
    expect(typed.stderr).toMatch(/size is a u64: its value must be 8 bytes, not 4/);
    const missing = await runCli('edit', v4, '-o', out, '--delete', '/nothing');
    expect(missing.stderr).toMatch(/\/ has no child named nothing/);
    expect(existsSync(out)).toBe(false);
    const usage = await runCli('edit', v4, '-o', out, '--set', '/memblock');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: khoscope edit');
  });
});
