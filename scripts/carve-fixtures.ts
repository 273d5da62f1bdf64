// Regenerates fixtures/linux-7.3/ from the shared real-kernel images
// (../shared/fixtures/linux-7.3, read-only): each image is carved with
// `khoscope carve` (gzip ones unpacked first, into the OS temp folder), and
// the kernel's truth files are copied. Run from the repository root:
//
//     node bin/run-ts.js scripts/carve-fixtures.ts
//
// The files it writes are never edited by hand (fixtures/linux-7.3/README.md).
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { main } from '../core/cli/main';
import {
  CARVED_FIXTURES,
  CARVED_IMAGES,
  CARVED_TRUTH,
  carvedFixturePath,
  originalFixturePath,
} from '../core/kho/carve/testing/NodeCarvedFixtures';
import { LINUX_FIXTURES } from '../core/mem/testing/NodeSharedFixtures';

/** Every file below `folder`, as paths relative to it. */
async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

if (!existsSync(LINUX_FIXTURES)) {
  console.error(`carve-fixtures: the shared fixtures are not at ${LINUX_FIXTURES}; nothing was changed`);
  process.exit(1);
}
await mkdir(CARVED_FIXTURES, { recursive: true });
for (const fixture of Object.values(CARVED_IMAGES)) {
  const input = await originalFixturePath(fixture);
  const output = carvedFixturePath(fixture);
  console.log(`khoscope carve ${input} -o ${relative(process.cwd(), output)}`);
  const status = await main(['carve', input, '-o', output]);
  if (status !== 0) process.exit(status);
}
// Copied as plain new files (not with their read-only mode).
const truth = join(LINUX_FIXTURES, 'truth');
for (const file of await filesBelow(truth)) {
  const target = join(CARVED_TRUTH, file);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, await readFile(join(truth, file)));
  console.log(`copied truth/${file}`);
}
