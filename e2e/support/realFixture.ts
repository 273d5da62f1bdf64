import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linuxFixturesPresent, unpackedLinuxFixture } from '../../core/mem/testing/NodeSharedFixtures';

/**
 * Path of the real-kernel pre-kexec ELF core of the linux-7.3 fixtures
 * (unpacked once into the shared cache, then linked under its own name so
 * the page shows `pre-kexec.elf`), or null when the fixtures are not on
 * this machine: a console warning then says that `what` did not run.
 */
export async function preKexecElf(what: string): Promise<string | null> {
  if (!linuxFixturesPresent(what)) return null;
  const unpacked = await unpackedLinuxFixture('pre-kexec.elf');
  const link = join(mkdtempSync(join(tmpdir(), 'khoscope-e2e-')), 'pre-kexec.elf');
  symlinkSync(unpacked, link);
  return link;
}
