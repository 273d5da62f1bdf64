import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/** The real-kernel fixtures (present on the project's machines, not on users'). */
export const LINUX_FIXTURES = '/work/shared/fixtures/linux-7.3';

/** True when the shared real-kernel fixtures can be used. */
export function linuxFixturesPresent(): boolean {
  return existsSync(join(LINUX_FIXTURES, 'pre-kexec.kdump')) && existsSync(join(LINUX_FIXTURES, 'pre-kexec.elf.gz'));
}

/**
 * Unpacks a `.gz` fixture once into the OS temp folder, streaming, and
 * returns the path. The cache name carries the source size and mtime, so a
 * changed fixture is unpacked again; the rename makes parallel runs safe.
 */
export async function gunzipCached(gzPath: string): Promise<string> {
  const info = await stat(gzPath);
  const dir = join(tmpdir(), 'khoscope-fixture-cache');
  await mkdir(dir, { recursive: true });
  const target = join(dir, `${basename(gzPath, '.gz')}-${info.size}-${Math.floor(info.mtimeMs)}`);
  if (existsSync(target)) return target;
  const partial = `${target}.${process.pid}.partial`;
  await pipeline(createReadStream(gzPath), createGunzip(), createWriteStream(partial));
  await rename(partial, target);
  return target;
}
