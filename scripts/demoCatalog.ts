import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSpecFile } from '../core/spec/NodeSpecFiles';
import type { SpecImage } from '../core/spec/buildSpecImage';

/** One demo of demos/demos.json: built from a spec, or a copy of a real-kernel fixture. */
export interface DemoEntry {
  id: string;
  title: string;
  description: string;
  /** Spec file, relative to demos/. */
  spec?: string;
  /** A carved real-kernel image, relative to the repository root (copied as it is). */
  fixture?: string;
}

/** One line of public/demos/index.json (what the explorer lists). */
export interface DemoManifestEntry {
  id: string;
  title: string;
  description: string;
  /** The image file, relative to public/demos/. */
  file: string;
  container: 'raw' | 'elf';
}

/** A built demo: its manifest entry and its image. */
export interface BuiltDemo {
  entry: DemoManifestEntry;
  image: SpecImage;
}

/** A real-kernel demo: its manifest entry and the fixture's bytes. */
export interface CopiedDemo {
  entry: DemoManifestEntry;
  bytes: Uint8Array;
}

function demoEntries(demosFolder: string): DemoEntry[] {
  return JSON.parse(readFileSync(join(demosFolder, 'demos.json'), 'utf8')) as DemoEntry[];
}

/** Builds every spec demo listed in `<demosFolder>/demos.json` (Node only). */
export function buildDemos(demosFolder: string): BuiltDemo[] {
  return demoEntries(demosFolder).flatMap((demo) => {
    if (!demo.spec) return [];
    const image = buildSpecFile(join(demosFolder, demo.spec));
    const file = `${demo.id}.${image.spec.container === 'elf' ? 'elf' : 'img'}`;
    return [
      {
        entry: { id: demo.id, title: demo.title, description: demo.description, file, container: image.spec.container },
        image,
      },
    ];
  });
}

/** Reads every real-kernel demo listed in `<demosFolder>/demos.json` (fixtures are ELF cores; Node only). */
export function copiedDemos(demosFolder: string): CopiedDemo[] {
  return demoEntries(demosFolder).flatMap((demo) =>
    demo.fixture
      ? [
          {
            entry: {
              id: demo.id,
              title: demo.title,
              description: demo.description,
              file: `${demo.id}.elf`,
              container: 'elf' as const,
            },
            bytes: new Uint8Array(readFileSync(join(demosFolder, '..', demo.fixture))),
          },
        ]
      : [],
  );
}

/** The text of public/demos/index.json: every demo's entry, in the order demos/demos.json lists them. */
export function manifestText(demosFolder: string, demos: readonly { entry: DemoManifestEntry }[]): string {
  const byId = new Map(demos.map((demo) => [demo.entry.id, demo.entry]));
  const entries = demoEntries(demosFolder).flatMap((demo) => byId.get(demo.id) ?? []);
  return `${JSON.stringify(entries, null, 2)}\n`;
}
