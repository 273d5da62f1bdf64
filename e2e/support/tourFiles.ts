import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTour } from '../../app/tours/parseTour';
import type { Tour } from '../../app/tours/Tour';

const FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'app', 'tours', 'data');

/** The tour files as the app reads them (its `import.meta.glob` exists only under Vite), in file-name order. */
export function tourFiles(): Tour[] {
  return readdirSync(FOLDER)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => parseTour(JSON.parse(readFileSync(join(FOLDER, name), 'utf8')), name));
}
