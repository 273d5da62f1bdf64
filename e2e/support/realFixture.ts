import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LINUX_FIXTURES, linuxFixturesPresent, unpackedLinuxFixture } from '../../core/mem/testing/NodeSharedFixtures';

/** Why a test on the real dump is skipped on a machine without the shared fixtures (the report shows it). */
export const REAL_FIXTURE_ABSENT = `the linux-7.3 fixtures are not at ${LINUX_FIXTURES} (../shared/fixtures/linux-7.3 beside the repository)`;

/**
 * Path of the real-kernel pre-kexec ELF core of the linux-7.3 fixtures
 * (unpacked once into the shared cache, then linked under its own name so
 * the page shows `pre-kexec.elf`), or null when the fixtures are not on
 * this machine: the caller then skips with `REAL_FIXTURE_ABSENT`.
 */
export async function preKexecElf(what: string): Promise<string | null> {
  if (!linuxFixturesPresent(what)) return null;
  const unpacked = await unpackedLinuxFixture('pre-kexec.elf');
  const link = join(mkdtempSync(join(tmpdir(), 'khoscope-e2e-')), 'pre-kexec.elf');
  symlinkSync(unpacked, link);
  return link;
}
