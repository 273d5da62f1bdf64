import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

/** The repository's root folder (this file is core/mem/testing/NodeSharedFixtures.ts). */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The real-kernel fixtures (read-only): the shared folder beside the
 * repository, `../shared/fixtures/linux-7.3`, which is
 * `/work/shared/fixtures/linux-7.3` on the project's machines and absent on
 * users' machines.
 */
export const LINUX_FIXTURES = resolve(REPO_ROOT, '../shared/fixtures/linux-7.3');

/** Where unpacked copies of `.gz` fixtures are kept between runs. */
export const FIXTURE_CACHE = join(tmpdir(), 'khoscope-fixture-cache');

/** Unpacks under way in this process, so parallel callers share one. */
const unpacking = new Map<string, Promise<string>>();

/**
 * True when the shared real-kernel fixtures can be used. When they cannot,
 * warns on the console that `skipped` (the tests that need them) did not run,
 * so a green run without them is never mistaken for a full one.
 */
export function linuxFixturesPresent(skipped: string): boolean {
  const present =
    existsSync(join(LINUX_FIXTURES, 'pre-kexec.kdump')) && existsSync(join(LINUX_FIXTURES, 'pre-kexec.elf.gz'));
  if (!present && process.env.KHOSCOPE_REQUIRE_SHARED === '1') {
    // CI has ../shared: there a missing fixture is a broken setup, and a skip would pass for a success.
    throw new Error(
      `real-kernel fixtures not found at ${LINUX_FIXTURES}, and KHOSCOPE_REQUIRE_SHARED=1 (set by .ci/run) forbids skipping ${skipped}`,
    );
  }
  if (!present) {
    console.warn(
      `real-kernel fixtures not found at ${LINUX_FIXTURES} (the shared folder beside the repository, ../shared/fixtures/linux-7.3): ${skipped} did NOT run`,
    );
  }
  return present;
}

/** Path of an unpacked copy of `<name>.gz` from the shared fixtures (see `gunzipCached`). */
export function unpackedLinuxFixture(name: string): Promise<string> {
  return gunzipCached(join(LINUX_FIXTURES, `${name}.gz`));
}

/**
 * Unpacks a `.gz` file once into the OS temp folder, streaming, and returns
 * the copy's path. The copy's name carries the packed file's size and mtime,
 * so a changed fixture is unpacked again. It is written under a unique
 * temporary name and renamed into place, so a parallel or interrupted run
 * never sees half a file. `cacheDir` is for tests of this function.
 */
export function gunzipCached(gzPath: string, cacheDir = FIXTURE_CACHE): Promise<string> {
  const key = `${gzPath}\0${cacheDir}`;
  const started = unpacking.get(key);
  if (started) return started;
  const result = unpack(gzPath, cacheDir);
  unpacking.set(key, result);
  // Settled unpacks are forgotten: the next call checks the file's size and mtime again.
  void result.then(
    () => unpacking.delete(key),
    () => unpacking.delete(key),
  );
  return result;
}

async function unpack(gzPath: string, cacheDir: string): Promise<string> {
  const info = await stat(gzPath);
  await mkdir(cacheDir, { recursive: true });
  const target = join(cacheDir, `${basename(gzPath, '.gz')}-${info.size}-${Math.floor(info.mtimeMs)}`);
  if (existsSync(target)) return target;
  const partial = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  try {
    await pipeline(createReadStream(gzPath), createGunzip(), createWriteStream(partial));
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return target;
}
