import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { buildSpecImage, type SpecImage } from './buildSpecImage';
import type { SpecFileReader } from './parseFragmentSpec';

/** Reads files named in a spec relative to the spec file's folder (Node only). */
export function specFileReader(specPath: string): SpecFileReader {
  const folder = dirname(specPath);
  return (path) => readFileSync(isAbsolute(path) ? path : resolve(folder, path), 'utf8');
}

/** Builds the image of the spec file at `specPath` (Node only). */
export function buildSpecFile(specPath: string): SpecImage {
  return buildSpecImage(readFileSync(specPath, 'utf8'), specFileReader(specPath));
}
