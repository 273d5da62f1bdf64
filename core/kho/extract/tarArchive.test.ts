import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tarArchive } from './tarArchive';

const folder = mkdtempSync(join(tmpdir(), 'khoscope-tar-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes the archive and lets the system's tar list and unpack it: an independent reader. */
function unpack(archive: Uint8Array, name: string): { listing: string[]; dir: string } {
  const file = join(folder, `${name}.tar`);
  writeFileSync(file, archive);
  const dir = join(folder, name);
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('tar', ['-xf', file, '-C', dir]);
  const listing = execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n');
  return { listing, dir };
}

describe('tarArchive', () => {
  it('makes an archive that tar lists and unpacks to the same bytes, folders first', () => {
    const big = new Uint8Array(1500).map((_, i) => i & 0xff);
    const files = [
      { path: 'kho/out/fdt', bytes: new Uint8Array([0xd0, 0x0d, 0xfe, 0xed]) },
      { path: 'kho/out/sub_fdts/memblock', bytes: big },
      { path: 'kho/out/sub_fdts/empty', bytes: new Uint8Array(0) },
    ];
    const { listing, dir } = unpack(tarArchive(files), 'plain');
    expect(listing).toEqual([
      'kho/',
      'kho/out/',
      'kho/out/fdt',
      'kho/out/sub_fdts/',
      'kho/out/sub_fdts/memblock',
      'kho/out/sub_fdts/empty',
    ]);
    for (const file of files) expect(new Uint8Array(readFileSync(join(dir, file.path)))).toEqual(file.bytes);
  });

  it('keeps paths longer than 100 bytes in the ustar prefix', () => {
    const path = `kho/out/sub_fdts/${'a'.repeat(60)}.d/${'b'.repeat(70)}`;
    const { listing, dir } = unpack(tarArchive([{ path, bytes: new Uint8Array([1, 2, 3]) }]), 'long');
    expect(listing.at(-1)).toBe(path);
    expect(new Uint8Array(readFileSync(join(dir, path)))).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('is the same archive for the same files', () => {
    const files = [{ path: 'x/y', bytes: new Uint8Array([7]) }];
    expect(tarArchive(files)).toEqual(tarArchive(files));
  });

  it('refuses paths that would escape the folder or that ustar cannot hold', () => {
    expect(() => tarArchive([{ path: '../etc/passwd', bytes: new Uint8Array() }])).toThrow(/must be relative/);
    expect(() => tarArchive([{ path: '/abs', bytes: new Uint8Array() }])).toThrow(/must be relative/);
    expect(() => tarArchive([{ path: 'a\0b', bytes: new Uint8Array() }])).toThrow(/printable ASCII/);
    expect(() => tarArchive([{ path: 'x'.repeat(120), bytes: new Uint8Array() }])).toThrow(/cannot be split/);
    expect(() => tarArchive([{ path: `${'d/'.repeat(140)}f`, bytes: new Uint8Array() }])).toThrow(/longer than/);
  });
});
