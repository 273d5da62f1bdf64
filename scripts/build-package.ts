// `npm run build`: everything the published package holds, in dist/.
//
//   dist/app/    the explorer, prebuilt (vite build): what `khoscope open` serves
//   dist/cli/    the CLI, bundled by esbuild: one file to start from, and one chunk
//                per command that is loaded only when that command runs
//   dist/lib/    the library (`khoscope`, `khoscope/node`), bundled by esbuild as ESM
//   dist/types/  its .d.ts files (tsc), with relative imports spelled as Node resolves them
//
// Run through tsx (bin/run-ts.js): only a checkout builds, and it has the dev dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cliBundle, libraryBundle } from './packageBundles';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

rmSync(dist, { recursive: true, force: true });

// esbuild rather than tsc for the JavaScript: the sources import without file extensions
// (Node's ESM loader needs them), and a bundle starts faster than hundreds of small
// modules: `--help` reads one file.
await build(cliBundle(root, join(dist, 'cli')));
await build(libraryBundle(root, join(dist, 'lib')));

execFileSync(bin('tsc'), ['-p', 'tsconfig.lib.json'], { cwd: root, stdio: 'inherit' });
spellRelativeImports(join(dist, 'types'));

execFileSync(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });

/**
 * tsc keeps the sources' extensionless specifiers (`./fdt`, `../mem/ByteSource`),
 * which Node-style type resolution (moduleResolution node16/nodenext) cannot
 * follow. Rewrites each relative specifier in the .d.ts files to the file it
 * means: `./x.js` for x.d.ts, `./x/index.js` for a folder.
 */
function spellRelativeImports(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const spelled = text.replace(
      /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g,
      (_, lead: string, quote: string, specifier: string) =>
        `${lead}${quote}${spell(dirname(file), specifier)}${quote}`,
    );
    if (spelled !== text) writeFileSync(file, spelled);
  }
}

function spell(from: string, specifier: string): string {
  if (specifier.endsWith('.js')) return specifier;
  if (existsSync(join(from, `${specifier}.d.ts`))) return `${specifier}.js`;
  if (existsSync(join(from, specifier, 'index.d.ts'))) return `${specifier}/index.js`;
  throw new Error(`build: cannot find the declarations ${specifier} in ${from} names`);
}
