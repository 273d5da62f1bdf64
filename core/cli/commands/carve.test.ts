import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { carveScenarios, SECRET } from '../../kho/carve/testing/carveScenarios';
import { CARVED_TRUTH } from '../../kho/carve/testing/NodeCarvedFixtures';
import { runCli, temporaryFolder, writeRawImage } from './testing/cliTestKit';

/** The graph JSON without the source's file name, which is all that may differ. */
function graphJson(stdout: string): unknown {
  const graph = JSON.parse(stdout);
  graph.source.name = '';
  return graph;
}

describe('khoscope carve', () => {
  const folder = temporaryFolder('khoscope-carve-');
  let image: string;
  let empty: string;

  beforeAll(() => {
    // kho-v4 with memblock, LUO v5 + memfd, kho_test and kexec-metadata over 16 MiB of RAM, SECRET in the preserved data.
    image = join(folder(), 'mainline.raw');
    writeRawImage(carveScenarios()[0].memory, image);
    empty = join(folder(), 'empty.raw');
    writeRawImage(new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] }).memory, empty);
  });

  it('writes a small ELF core that scan and tree read as the same KHO tree, without the preserved data', async () => {
    const out = join(folder(), 'carved.elf');
    const carve = await runCli('carve', image, '-o', out);
    expect(carve.stderr).toBe('');
    expect(carve.status).toBe(0);
    expect(carve.stdout).toMatch(
      new RegExp(
        `^wrote ${out}: \\d+ bytes, \\d+ pages holding \\d+ bytes of the image; roots 0x1000\\nchecked: ${out} decodes to the same KHO graph \\(\\d+ fragments, \\d+ links, \\d+ diagnostics\\)\\n$`,
      ),
    );
    expect(statSync(out).size).toBeLessThan(256 * 1024);
    expect(readFileSync(out).includes(SECRET)).toBe(false);

    const scan = await runCli('scan', out, '--format', 'json');
    expect(JSON.parse(scan.stdout).candidates).toMatchObject([
      { address: '0x1000', compatible: 'kho-v4', how: 'page-scan' },
    ]);
    const [original, carved] = await Promise.all([
      runCli('tree', image, '--format', 'json'),
      runCli('tree', out, '--format', 'json'),
    ]);
    expect(graphJson(carved.stdout)).toEqual(graphJson(original.stdout));
  });

  it('keeps the preserved data with --include-data, and refuses more than --max-data', async () => {
    const out = join(folder(), 'with-data.elf');
    const carve = await runCli('carve', image, '-o', out, '--include-data');
    expect(carve.status).toBe(0);
    expect(carve.stdout).toMatch(/, \d+ of them preserved data; roots 0x1000\n/);
    expect(readFileSync(out).includes(SECRET)).toBe(true);
    const limited = await runCli(
      'carve',
      image,
      '-o',
      join(folder(), 'too-much.elf'),
      '--include-data',
      '--max-data',
      '4096',
    );
    expect(limited.status).toBe(1);
    expect(limited.stderr).toMatch(
      /^khoscope carve: the preserved data is \d+ bytes, more than the limit of 4096 bytes/,
    );
  });

  it('says why an image cannot be carved', async () => {
    const rootless = await runCli('carve', empty, '-o', join(folder(), 'nothing.elf'));
    expect(rootless.status).toBe(1);
    expect(rootless.stderr).toBe(
      'khoscope carve: no KHO root could be decoded in the image: there is nothing to carve\n',
    );
    const debugfs = await runCli('carve', join(CARVED_TRUTH, 'debugfs/kho/out'), '-o', join(folder(), 'blobs.elf'));
    expect(debugfs.status).toBe(3);
    expect(debugfs.stderr).toMatch(
      /is a KHO debugfs blob set, which holds only blobs already: there is no memory to carve\n$/,
    );
  });

  it('refuses a wrong command line with the help (status 2)', async () => {
    const noOutput = await runCli('carve', image);
    expect(noOutput.status).toBe(2);
    expect(noOutput.stderr).toMatch(
      /^khoscope carve: give the file to write with -o OUT.elf\nusage: khoscope carve IMAGE -o OUT.elf/,
    );
    const overwrite = await runCli('carve', image, '-o', image);
    expect(overwrite.status).toBe(2);
    expect(overwrite.stderr).toContain('is the image itself: carve would overwrite what it reads');
    const stray = await runCli('carve', image, '-o', join(folder(), 'x.elf'), '--max-data', '1');
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain('--max-data only goes with --include-data');
  });
});
