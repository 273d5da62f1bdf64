import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFdt } from '../core/fdt/readFdt';
import { forEachNodePath } from '../core/edit/documentPaths';
import { hex } from '../core/bytes/readers';
import { decodeKhoGraph } from '../core/kho/decode/decodeKhoGraph';
import type { KhoGraph } from '../core/kho/model/KhoGraph';
import { openImage } from '../core/mem/openImage';
import { BytesSource } from '../core/mem/sources/BytesSource';
import type { FragmentLocation } from '../core/kho/model/FragmentLocation';
import { buildDemos, copiedDemos, manifestText, type BuiltDemo } from './demoCatalog';

const root = resolve(import.meta.dirname, '..');
const demos = buildDemos(join(root, 'demos'));
const copies = copiedDemos(join(root, 'demos'));

/** Diagnostics each demo is built to have (severity:code), in decode order. */
const EXPECTED_DIAGNOSTICS: Record<string, string[]> = {
  'seed-example': ['info:no-preserved-memory-map'],
  'anchored-root': ['info:no-preserved-memory-map'],
  'kho-v1': [],
  'kho-v4': [],
};

/**
 * Diagnostic codes a memory image opened with root discovery cannot raise:
 * blob-set and DTB inputs only (`no-physical-memory`, `missing-file`,
 * `unreferenced-blob`, `debugfs-root-truncated`), roots given by hand only
 * (`not-a-kho-root`: discovery only takes `kho-vN` roots), an image without a
 * well-ranked root (`no-root`, `weak-root`), faults of the container or the
 * scan rather than the tree (`image-warning`, `unreadable-memory`,
 * `scan-problem`), and a map decoder refusing a page size (`map-error`).
 */
const NOT_IN_A_MEMORY_IMAGE = [
  'no-physical-memory',
  'missing-file',
  'unreferenced-blob',
  'debugfs-root-truncated',
  'not-a-kho-root',
  'no-root',
  'weak-root',
  'image-warning',
  'unreadable-memory',
  'scan-problem',
  'map-error',
];

/** Every diagnostic code the decoder's sources raise (core/kho and root discovery). */
function decoderCodes(): string[] {
  const codes = new Set<string>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts') && !entry.name.includes('.test.')) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/diagnostics\.(?:error|warning|info)\(\s*'([a-z-]+)'/g)) codes.add(match[1]);
        for (const match of text.matchAll(/\? '([a-z-]+)' : '([a-z-]+)'/g))
          if (text.includes('diagnostics.warning(code')) match.slice(1).forEach((code) => codes.add(code));
      }
    }
  };
  visit(join(root, 'core', 'kho'));
  return [...codes].sort();
}

async function decode(demo: BuiltDemo): Promise<KhoGraph> {
  const image = await openImage(new BytesSource(demo.image.file, demo.entry.file));
  return decodeKhoGraph(image);
}

function firstAddress(location: FragmentLocation): number {
  return location.kind === 'contiguous' ? location.address : location.kind === 'pages' ? location.pages[0] : -1;
}

describe('demo images', () => {
  it('are up to date: public/demos holds exactly what the specs in demos/ build (run npm run build:demos)', () => {
    for (const demo of demos) {
      const committed = readFileSync(join(root, 'public', 'demos', demo.entry.file));
      expect(
        Buffer.compare(committed, Buffer.from(demo.image.file)),
        `${demo.entry.file} differs from its spec's build`,
      ).toBe(0);
    }
    for (const copy of copies) {
      const committed = readFileSync(join(root, 'public', 'demos', copy.entry.file));
      expect(Buffer.compare(committed, Buffer.from(copy.bytes)), `${copy.entry.file} differs from its fixture`).toBe(0);
    }
    expect(readFileSync(join(root, 'public', 'demos', 'index.json'), 'utf8')).toBe(
      manifestText(join(root, 'demos'), [...demos, ...copies]),
    );
  });

  it('build the same bytes every time', () => {
    const again = buildDemos(join(root, 'demos'));
    again.forEach((demo, i) =>
      expect(Buffer.compare(Buffer.from(demo.image.file), Buffer.from(demos[i].image.file))).toBe(0),
    );
  });

  it('stay small (a few hundred KiB at most)', () => {
    for (const demo of demos) expect(demo.image.file.length, demo.entry.file).toBeLessThanOrEqual(300 * 1024);
  });

  it('have a manifest line for each: id, title, one-paragraph description, file, container', () => {
    for (const { entry } of [...demos, ...copies]) {
      expect(entry.id).toMatch(/^[a-z0-9-]+$/);
      expect(entry.title.length).toBeGreaterThan(5);
      expect(entry.description.length).toBeGreaterThan(100);
      expect(entry.description).not.toContain('\n');
      expect(entry.file).toBe(`${entry.id}.elf`);
    }
  });

  for (const demo of demos) {
    describe(demo.entry.id, () => {
      it('decodes (roots discovered, not given) to exactly what its spec says', async () => {
        const graph = await decode(demo);
        const { spec, built } = demo.image;
        // Every spec root is found; a fragment that is itself a kho-vN root (the broken demo has one) is found too.
        expect(graph.roots.map((r) => r.address)).toEqual(expect.arrayContaining(built.roots));
        // The decoder names a fragment after its first address; an anchored root after its first anchor page.
        const rootAddress = new Map(spec.roots.map((r, i) => [r.fragment, built.roots[i]]));
        const idOf = (fragment: string) =>
          hex(rootAddress.get(fragment) ?? firstAddress(built.locations.get(fragment)!));
        // A link with a raw pointer instead of a target (broken demos) may reach memory no spec fragment names;
        // so may a LUO handler's raw data value, which the decoder follows and shows raw when it is an address.
        const pointed = spec.links.flatMap((link) => (link.pointer ? [hex(link.pointer[0])] : []));
        const handlerData = graph.fragments.filter((f) => f.format === 'handler-data').map((f) => f.id);
        const specIds = [...spec.fragments.keys()].map(idOf);
        expect(
          graph.fragments
            .map((f) => f.id)
            .filter((id) => specIds.includes(id) || (!pointed.includes(id) && !handlerData.includes(id)))
            .sort(),
        ).toEqual(specIds.sort());
        for (const [id, fragmentSpec] of spec.fragments) {
          const fragment = graph.fragments.find((f) => f.id === idOf(id))!;
          // Where it is. How much is read there is the link's business (a broken demo's blob-size may say
          // less), and an anchor chain with a spare page yields only the pages the FDT needs.
          const want = built.locations.get(id)!;
          const got = fragment.location;
          expect(got.kind, id).toBe(want.kind);
          if (got.kind === 'contiguous' && want.kind === 'contiguous') expect(got.address, id).toBe(want.address);
          if (got.kind === 'pages' && want.kind === 'pages')
            expect(want.pages.slice(0, got.pages.length), id).toEqual(got.pages);
          if (fragment.content !== null) expect(fragment.size, id).toBe(built.locations.get(id)!.length);
          if (fragmentSpec.kind === 'fdt' && fragment.content?.kind === 'fdt') {
            const decoded = new Set<string>();
            forEachNodePath(readFdt(fragment.bytes).toDocument().root, (_node, path) => decoded.add(path));
            const wanted = new Set<string>();
            forEachNodePath(fragmentSpec.document.root, (_node, path) => wanted.add(path));
            for (const link of spec.links) if (link.from === id) wanted.add(link.node);
            expect([...decoded].sort(), id).toEqual([...wanted].sort());
          }
          const format = {
            fdt: 'fdt',
            'kho-test': 'fdt',
            'kexec-metadata': 'kexec-metadata',
            'luo-ser': 'luo-ser',
            memfd: 'memfd-v2',
            raw: fragment.format,
          }[fragmentSpec.kind];
          expect(fragment.format, id).toBe(format);
        }
        for (const link of spec.links) {
          const found = graph.links.find((l) => l.from.fragment === idOf(link.from) && l.from.node === link.node);
          if (link.to !== null) expect(found?.to, `${link.from}:${link.node}`).toBe(idOf(link.to));
          else if (found) expect(found.addresses, `${link.from}:${link.node}`).toEqual(link.pointer);
        }
        const codes = graph.diagnostics.map((d) => `${d.severity}:${d.code}`);
        if (demo.entry.id === 'broken') {
          const expected = decoderCodes().filter((code) => !NOT_IN_A_MEMORY_IMAGE.includes(code));
          expect([...new Set(graph.diagnostics.map((d) => d.code))].sort()).toEqual(expected);
        } else {
          expect(codes).toEqual(EXPECTED_DIAGNOSTICS[demo.entry.id]);
        }
      });
    });
  }
});
