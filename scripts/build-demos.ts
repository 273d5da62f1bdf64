/**
 * `npm run build:demos`: builds every demo image from its spec in demos/
 * (demos/demos.json lists them), and copies the real-kernel fixtures it
 * lists, into public/demos/, with the index.json
 * manifest the explorer reads. Builds are deterministic, so a test can
 * rebuild and compare (scripts/build-demos.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDemos, copiedDemos, manifestText } from './demoCatalog';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'public', 'demos');
mkdirSync(out, { recursive: true });
const folder = join(root, 'demos');
const demos = [
  ...buildDemos(folder).map((demo) => ({ entry: demo.entry, bytes: demo.image.file })),
  ...copiedDemos(folder),
];
for (const demo of demos) {
  writeFileSync(join(out, demo.entry.file), demo.bytes);
  process.stdout.write(`public/demos/${demo.entry.file}  ${demo.bytes.length} bytes\n`);
}
writeFileSync(join(out, 'index.json'), manifestText(folder, demos));
process.stdout.write(`public/demos/index.json  ${demos.length} demos\n`);
