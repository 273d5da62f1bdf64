import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linuxFixturesPresent, unpackedLinuxFixture } from '../../core/mem/testing/NodeSharedFixtures';
import { test } from './test';

/** The carved copy in the repository: it decodes to exactly the original's KHO graph (fixtures/linux-7.3/README.md). */
const CARVED_PRE_KEXEC = fileURLToPath(new URL('../../fixtures/linux-7.3/pre-kexec.carved.elf', import.meta.url));

/** The real-kernel pre-kexec ELF core an explorer test opens. */
export interface PreKexecImage {
  /** Where it is on disk. */
  path: string;
  /** The file name the page shows. */
  name: string;
  /** True for the 553 MB original from ../shared, false for the carved copy. */
  original: boolean;
}

/**
 * The pre-kexec ELF core of the linux-7.3 fixtures: the original (unpacked
 * once into the shared cache, then linked under its own name so the page
 * shows `pre-kexec.elf`) when the shared fixtures are on this machine,
 * otherwise the carved copy in the repository, so the test still runs on the
 * real kernel's KHO tree. The test's report names the image used; without the
 * original, the console says that `what` ran on the carved copy (and under
 * KHOSCOPE_REQUIRE_SHARED=1 it throws).
 */
export async function preKexecElf(what: string): Promise<PreKexecImage> {
  if (!linuxFixturesPresent(`${what} on the 553 MB original (it runs on the carved copy instead)`)) {
    test.info().annotations.push({ type: 'image', description: 'the carved copy (fixtures/linux-7.3)' });
    return { path: CARVED_PRE_KEXEC, name: basename(CARVED_PRE_KEXEC), original: false };
  }
  test.info().annotations.push({ type: 'image', description: 'the original (../shared/fixtures/linux-7.3)' });
  const unpacked = await unpackedLinuxFixture('pre-kexec.elf');
  const link = join(mkdtempSync(join(tmpdir(), 'khoscope-e2e-')), 'pre-kexec.elf');
  symlinkSync(unpacked, link);
  return { path: link, name: 'pre-kexec.elf', original: true };
}
