import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LINUX_FIXTURES, linuxFixturesPresent, unpackedLinuxFixture } from '../../../mem/testing/NodeSharedFixtures';

/**
 * The committed real-kernel fixtures (`fixtures/linux-7.3/`): the Linux
 * 7.3.4 QEMU images of the shared folder carved by `khoscope carve`, and the
 * kernel's own truth files. Unlike the shared originals they are always
 * there, so the real-kernel tests always run on them.
 */

/** `fixtures/linux-7.3/` in the repository. */
export const CARVED_FIXTURES = fileURLToPath(new URL('../../../../fixtures/linux-7.3/', import.meta.url));

/** `fixtures/linux-7.3/truth/`: the kernel's debugfs files, the full root DTB and dtc's DTS of the blobs. */
export const CARVED_TRUTH = join(CARVED_FIXTURES, 'truth');

/** One committed carved image and the shared original it is carved from. */
export interface CarvedFixture {
  /** File name in `fixtures/linux-7.3/`. */
  file: string;
  /** File name in the shared `fixtures/linux-7.3/` (gzip ones are unpacked first). */
  original: string;
}

/** Every committed carved image. */
export const CARVED_IMAGES = {
  preKexec: { file: 'pre-kexec.carved.elf', original: 'pre-kexec.elf.gz' },
  atKexec: { file: 'at-kexec.carved.elf', original: 'at-kexec.elf.gz' },
  preKexecKdump: { file: 'pre-kexec.kdump.carved.elf', original: 'pre-kexec.kdump' },
} as const satisfies Record<string, CarvedFixture>;

/** Path of a committed carved image. */
export function carvedFixturePath(fixture: CarvedFixture): string {
  return join(CARVED_FIXTURES, fixture.file);
}

/** Path of the shared original, unpacked when it is gzip (only call when the shared fixtures are present). */
export function originalFixturePath(fixture: CarvedFixture): Promise<string> {
  const gzip = fixture.original.endsWith('.gz');
  return gzip
    ? unpackedLinuxFixture(fixture.original.slice(0, -3))
    : Promise.resolve(join(LINUX_FIXTURES, fixture.original));
}

/** One place the real-kernel tests take the Linux 7.3.4 images from. */
export interface LinuxImageSet {
  /** `carved, committed` or `original, shared`, for test names. */
  label: string;
  path(fixture: CarvedFixture): Promise<string>;
}

/**
 * Where real-kernel tests run: on the committed carved images always, and on
 * the shared originals too when they are present (when not, a console
 * warning says that `tests` did not run on them).
 */
export function linuxImageSets(tests: string): LinuxImageSet[] {
  const carved: LinuxImageSet = { label: 'carved, committed', path: async (fixture) => carvedFixturePath(fixture) };
  return linuxFixturesPresent(`${tests} on the original (uncarved) Linux 7.3.4 images`)
    ? [carved, { label: 'original, shared', path: originalFixturePath }]
    : [carved];
}
