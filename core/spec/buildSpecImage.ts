import type { BuildSpec } from './BuildSpec';
import { buildImage, type BuiltImage } from './buildImage';
import { parseBuildSpec } from './parseBuildSpec';
import type { SpecFileReader } from './parseFragmentSpec';
import { SpecError } from './SpecError';
import { writeImageFile } from './writeImageFile';

/** A spec built into an image file. */
export interface SpecImage {
  spec: BuildSpec;
  built: BuiltImage;
  /** The image file (raw or ELF, as the spec says). */
  file: Uint8Array;
}

/**
 * Builds the image file of a spec given as JSON text; files the spec names
 * are read through `readFile` (relative to the spec). Throws `SpecError`.
 */
export function buildSpecImage(jsonText: string, readFile: SpecFileReader): SpecImage {
  let json: unknown;
  try {
    json = JSON.parse(jsonText);
  } catch (error) {
    throw new SpecError('spec', `not JSON: ${(error as Error).message}`);
  }
  const spec = parseBuildSpec(json, readFile);
  const built = buildImage(spec);
  return { spec, built, file: writeImageFile(spec, built.memory) };
}
