import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSpecFile } from '../core/spec/NodeSpecFiles';
import type { SpecImage } from '../core/spec/buildSpecImage';

/** One demo of demos/demos.json. */
export interface DemoEntry {
  id: string;
  title: string;
  description: string;
  /** Spec file, relative to demos/. */
  spec: string;
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

/** Builds every demo listed in `<demosFolder>/demos.json` (Node only). */
export function buildDemos(demosFolder: string): BuiltDemo[] {
  const entries = JSON.parse(readFileSync(join(demosFolder, 'demos.json'), 'utf8')) as DemoEntry[];
  return entries.map((demo) => {
    const image = buildSpecFile(join(demosFolder, demo.spec));
    const file = `${demo.id}.${image.spec.container === 'elf' ? 'elf' : 'img'}`;
    return {
      entry: { id: demo.id, title: demo.title, description: demo.description, file, container: image.spec.container },
      image,
    };
  });
}

/** The text of public/demos/index.json for built demos. */
export function manifestText(demos: readonly BuiltDemo[]): string {
  return `${JSON.stringify(
    demos.map((demo) => demo.entry),
    null,
    2,
  )}\n`;
}
