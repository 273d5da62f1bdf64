import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gunzipCached, LINUX_FIXTURES } from './NodeSharedFixtures';

describe('gunzipCached', () => {
  let dir: string;
  let cache: string;
  let packed: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'khoscope-fixture-test-'));
    cache = join(dir, 'cache');
    packed = join(dir, 'image.elf.gz');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('unpacks once per size and mtime of the packed file, leaving no temporary files', async () => {
    await writeFile(packed, gzipSync(Buffer.from('first version')));
    await utimes(packed, 1_000_000, 1_000_000);
    const [a, b] = await Promise.all([gunzipCached(packed, cache), gunzipCached(packed, cache)]);
    expect(a).toBe(b);
    expect(a).toMatch(/image\.elf-\d+-1000000000$/);
    expect(await readFile(a, 'utf8')).toBe('first version');
    expect(await gunzipCached(packed, cache)).toBe(a);

    await writeFile(packed, gzipSync(Buffer.from('second, longer version')));
    await utimes(packed, 2_000_000, 2_000_000);
    const c = await gunzipCached(packed, cache);
    expect(c).not.toBe(a);
    expect(await readFile(c, 'utf8')).toBe('second, longer version');
    expect((await readdir(cache)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('rejects a broken archive and keeps neither a copy nor a temporary file', async () => {
    await writeFile(packed, Buffer.from('not gzip at all'));
    await expect(gunzipCached(packed, cache)).rejects.toThrow();
    expect(await readdir(cache)).toEqual([]);
  });

  it('looks for the shared fixtures beside the repository', () => {
    expect(LINUX_FIXTURES).toBe(join(__dirname, '../../../../shared/fixtures/linux-7.3'));
  });
});
