import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeedExample, SEED_EXAMPLE } from '../../build/seedExample';
import { twoRootsMemory } from '../../kho/carve/testing/carveScenarios';
import { CARVED_IMAGES, CARVED_TRUTH, linuxImageSets } from '../../kho/carve/testing/NodeCarvedFixtures';
import { runCli, temporaryFolder, writeRawImage } from './testing/cliTestKit';

/** Every file below `dir`, as sorted relative paths. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesBelow(dir, join(prefix, entry.name)) : [join(prefix, entry.name)]))
    .sort();
}

const linuxImages = linuxImageSets('core/cli/commands/extract.test.ts');

describe('khoscope extract', () => {
  const folder = temporaryFolder('khoscope-extract-');
  let dir: string;
  let seed: string;
  let twoRoots: string;

  beforeAll(() => {
    dir = folder();
    seed = join(dir, 'seed.raw');
    writeRawImage(buildSeedExample().memory, seed);
    twoRoots = join(dir, 'two.raw');
    writeRawImage(twoRootsMemory(), twoRoots);
  });

  it('lays the seed example out like debugfs, deeper fragments in <name>.d/', async () => {
    const out = join(dir, 'seed-out');
    const { status } = await runCli(
      'extract',
      seed,
      '--raw',
      '--base',
      '0x40000000',
      '--root',
      '0x40000000',
      '-o',
      out,
    );
    expect(status).toBe(0);
    expect(filesBelow(out)).toEqual([
      'fdt',
      'sub_fdts/gpu@0x100000000',
      'sub_fdts/gpu@0x100000000.d/node1',
      'sub_fdts/memblock',
    ]);
    const node1 = readFileSync(join(out, 'sub_fdts/gpu@0x100000000.d/node1'));
    const { memory } = buildSeedExample();
    const [first, second] = SEED_EXAMPLE.node1Pages;
    const expected = Buffer.concat([memory.readSync(first, 4096), memory.readSync(second, node1.length - 4096)]);
    expect(node1).toEqual(expected);
    expect(node1.readUInt32BE(4)).toBe(node1.length);
  });

  it('gives each root its own folder when several are found', async () => {
    const out = join(dir, 'two-out');
    const { status } = await runCli('extract', twoRoots, '--base', '0x100000', '-o', out);
    expect(status).toBe(0);
    expect(filesBelow(out)).toEqual(['0x110000/fdt', '0x110000/sub_fdts/a', '0x130000/fdt', '0x130000/sub_fdts/b']);
  });

  it('needs -o', async () => {
    const { status, stderr } = await runCli('extract', seed);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^khoscope extract: give the output folder with -o DIR/);
  });

  for (const [i, images] of linuxImages.entries()) {
    it(`reproduces the Linux 7.3.4 kernel's debugfs blobs byte for byte (${images.label})`, async () => {
      const out = join(dir, `linux-${i}`);
      const { status } = await runCli('extract', await images.path(CARVED_IMAGES.preKexec), '-o', out);
      expect(status).toBe(0);
      expect(filesBelow(out)).toEqual([
        'fdt',
        'sub_fdts/LUO',
        'sub_fdts/kexec-metadata',
        'sub_fdts/kho_test',
        'sub_fdts/memblock',
      ]);
      for (const name of ['LUO', 'kexec-metadata', 'kho_test', 'memblock']) {
        expect(readFileSync(join(out, 'sub_fdts', name))).toEqual(
          readFileSync(join(CARVED_TRUTH, 'debugfs/kho/out/sub_fdts', name)),
        );
      }
      const root = readFileSync(join(out, 'fdt'));
      expect(root).toEqual(readFileSync(join(CARVED_TRUTH, 'root-fdt-full.dtb')));
      expect(root.subarray(0, 233)).toEqual(readFileSync(join(CARVED_TRUTH, 'debugfs/kho/out/fdt')));
    });
  }
});
