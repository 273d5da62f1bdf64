import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/** The real-kernel fixtures (read-only; may be absent on other machines). */
export const LINUX_73_FIXTURES = '/work/shared/fixtures/linux-7.3';

/**
 * Path of an unpacked copy of `<name>.gz` from the linux-7.3 fixtures, made
 * once and shared by every test that needs it (`tmpdir()/khoscope-fixtures`).
 * The copy is written to a temporary name and renamed into place, so a
 * concurrent or interrupted run never sees half a file. Returns null when the
 * fixture folder does not exist.
 */
export async function unpackedFixture(name: string, expectedBytes: number): Promise<string | null> {
  const packed = join(LINUX_73_FIXTURES, `${name}.gz`);
  if (!existsSync(packed)) return null;
  const cacheDir = join(tmpdir(), 'khoscope-fixtures');
  const target = join(cacheDir, name);
  if (existsSync(target) && statSync(target).size === expectedBytes) return target;
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  await pipeline(createReadStream(packed), createGunzip(), createWriteStream(partial));
  renameSync(partial, target);
  return target;
}
