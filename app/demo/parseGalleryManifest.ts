import type { GalleryDemo } from './builtinDemos';

/** Most entries taken from a manifest (it is shipped with the app, but stays bounded all the same). */
const MAX_DEMOS = 64;

/**
 * Reads public/demos/index.json (`[{ id, title, description, file }]`) into
 * gallery entries. Entries with a missing field, or a file name that leaves
 * the demos folder, are skipped; anything but an array gives no entries.
 */
export function parseGalleryManifest(json: unknown): GalleryDemo[] {
  if (!Array.isArray(json)) return [];
  const demos: GalleryDemo[] = [];
  for (const entry of json.slice(0, MAX_DEMOS)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, title, description, file } = entry as Record<string, unknown>;
    if (![id, title, description, file].every((field) => typeof field === 'string' && field !== '')) continue;
    const path = file as string;
    if (path.startsWith('/') || path.split('/').includes('..') || /^[a-z]+:/i.test(path)) continue;
    demos.push({
      id: id as string,
      title: title as string,
      description: description as string,
      source: { kind: 'file', file: path },
    });
  }
  return demos;
}
