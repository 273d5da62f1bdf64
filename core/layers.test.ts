import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of docs/architecture.md, checked on every import in the
 * tree, so a change that breaks one fails here rather than in review.
 *
 * Production code of a core layer may import only the layers below it. Tests
 * and `testing/` helpers of core may also use the builders above (they make
 * their images with core/build and core/spec), but never the app. The app
 * reaches core only through the layers' entry points (their index.ts), and
 * its tests may add a layer's `testing/` helpers.
 */
const CORE_LAYERS: Record<string, readonly string[]> = {
  bytes: [],
  fdt: ['bytes'],
  mem: ['bytes', 'fdt'],
  kho: ['bytes', 'fdt', 'mem'],
  build: ['bytes', 'fdt', 'mem', 'kho'],
  edit: ['bytes', 'fdt', 'mem', 'kho'],
  spec: ['bytes', 'fdt', 'mem', 'kho', 'build', 'edit'],
  cli: ['bytes', 'fdt', 'mem', 'kho', 'build', 'edit', 'spec'],
};

/** What the app may import from core: each layer's index.ts (core/fdt/dts is the DTS codec's own entry). */
const CORE_ENTRY_POINTS = new Set([
  'core/bytes',
  'core/fdt',
  'core/fdt/dts',
  'core/mem',
  'core/kho',
  'core/build',
  'core/edit',
  'core/spec',
]);

/** Packages that mean a browser or UI dependency; core must run in Node and in a worker without them. */
const UI_PACKAGES = /^(react|react-dom|d3|d3-[a-z-]+|zustand)(\/|$)/;

interface ImportEdge {
  from: string;
  specifier: string;
  /** Repository path the specifier resolves to (without extension), or null for a package. */
  target: string | null;
}

function trackedSources(): string[] {
  const out = execFileSync('git', ['ls-files', '--', 'core', 'app'], { encoding: 'utf8' });
  return out.split('\n').filter((file) => /\.tsx?$/.test(file));
}

function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8');
  const edges: ImportEdge[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
    const specifier = match[1];
    const target = specifier.startsWith('.') ? normalize(join(dirname(file), specifier)) : null;
    edges.push({ from: file, specifier, target });
  }
  return edges;
}

const isTestFile = (file: string) => /\.test\.tsx?$/.test(file) || file.includes('/testing/');
const layerOf = (path: string) => (path.startsWith('core/') ? path.split('/')[1] : null);
const edges = trackedSources().flatMap(importsOf);

describe('layer rules (docs/architecture.md)', () => {
  it('every folder of core is a declared layer', () => {
    const folders = new Set(
      trackedSources()
        .filter((file) => file.startsWith('core/') && file.split('/').length > 2)
        .map((file) => file.split('/')[1]),
    );
    expect([...folders].filter((folder) => !(folder in CORE_LAYERS))).toEqual([]);
  });

  it('core production code imports only the layers below it', () => {
    const broken = edges
      .filter((edge) => edge.from.startsWith('core/') && !isTestFile(edge.from) && edge.target)
      .filter((edge) => {
        const from = layerOf(edge.from);
        const to = edge.target ? layerOf(edge.target) : null;
        if (!from || !(from in CORE_LAYERS)) return false;
        if (to === null) return true; // out of core: the app or the repository root
        return to !== from && !CORE_LAYERS[from].includes(to);
      })
      .map((edge) => `${edge.from} -> ${edge.specifier}`);
    expect(broken).toEqual([]);
  });

  it('nothing in core imports the app or a UI package', () => {
    const broken = edges
      .filter((edge) => edge.from.startsWith('core/'))
      .filter((edge) => (edge.target ? edge.target.startsWith('app/') : UI_PACKAGES.test(edge.specifier)))
      .map((edge) => `${edge.from} -> ${edge.specifier}`);
    expect(broken).toEqual([]);
  });

  it('Node built-ins appear only in the CLI and in files named Node*', () => {
    const broken = edges
      .filter((edge) => edge.from.startsWith('core/') && !isTestFile(edge.from) && edge.specifier.startsWith('node:'))
      .filter((edge) => !edge.from.startsWith('core/cli/') && !/\/Node[A-Z][^/]*\.ts$/.test(edge.from))
      .map((edge) => `${edge.from} -> ${edge.specifier}`);
    expect(broken).toEqual([]);
  });

  it('entry points never re-export a Node-only file, so the browser bundle stays clean', () => {
    const broken = edges
      .filter((edge) => /^core\/.*index\.ts$/.test(edge.from) && edge.target && /\/Node[A-Z][^/]*$/.test(edge.target))
      .map((edge) => `${edge.from} -> ${edge.specifier}`);
    expect(broken).toEqual([]);
  });

  it('the app reaches core only through the layer entry points', () => {
    const broken = edges
      .filter((edge) => edge.from.startsWith('app/') && edge.target?.startsWith('core/'))
      .filter((edge) => {
        const target = edge.target as string;
        if (CORE_ENTRY_POINTS.has(target)) return false;
        return !(isTestFile(edge.from) && target.includes('/testing/'));
      })
      .map((edge) => `${edge.from} -> ${edge.specifier}`);
    expect(broken).toEqual([]);
  });

  it('sees the imports it checks (the rules are not passing on an empty list)', () => {
    expect(edges.filter((edge) => edge.from.startsWith('core/kho/')).length).toBeGreaterThan(100);
    expect(
      edges.filter((edge) => edge.from.startsWith('app/') && edge.target?.startsWith('core/')).length,
    ).toBeGreaterThan(20);
  });
});
