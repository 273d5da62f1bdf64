// Child side of `npm run bench`: runs one bench module in this fresh process
// (so no other bench's heap shows in its memory figures) and writes what it
// produced as JSON to the file named by the second argument.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './BenchResult';

const benchDirectory = fileURLToPath(new URL('.', import.meta.url));

/** Why a bench's return value is not a list of results, or undefined when it is. */
function describeInvalidResults(value: unknown): string | undefined {
  if (!Array.isArray(value)) return `run() returned ${typeof value}, not an array of results`;
  const bad = value.findIndex(
    (item: Partial<BenchResult> | null) =>
      typeof item !== 'object' ||
      item === null ||
      typeof item.name !== 'string' ||
      typeof item.unit !== 'string' ||
      typeof item.value !== 'number' ||
      !Number.isFinite(item.value),
  );
  return bad < 0 ? undefined : `result ${bad} is not {name, value (finite number), unit}`;
}

const [fileName, outputPath] = process.argv.slice(2);
let output: { results: BenchResult[] } | { error: string };
try {
  const module = (await import(pathToFileURL(join(benchDirectory, fileName)).href)) as { run?: unknown };
  if (typeof module.run !== 'function') throw new Error('module does not export a run() function');
  const results: unknown = await module.run();
  const invalid = describeInvalidResults(results);
  if (invalid !== undefined) throw new Error(invalid);
  output = { results: results as BenchResult[] };
} catch (error) {
  console.error(`bench ${fileName} failed:`, error);
  output = { error: error instanceof Error ? error.message : String(error) };
}
writeFileSync(outputPath, JSON.stringify(output));
