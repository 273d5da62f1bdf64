// `npm run bench [-- NAME...]`: runs every bench/*.bench.ts (or the named ones)
// one after another, prints a table and writes bench/results/latest.json.
// Benches run sequentially so they never compete for the machine's two cores.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchOutcome } from './BenchOutcome';
import type { BenchResult } from './BenchResult';
import { describeMachine } from './describeMachine';
import { formatResultsTable } from './formatResultsTable';
import { selectBenches, type BenchEntry } from './selectBenches';

const benchDirectory = fileURLToPath(new URL('.', import.meta.url));
const resultsFile = join(benchDirectory, 'results', 'latest.json');

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

/** Imports one bench module and runs it; any failure becomes the outcome's error. */
async function runBench(entry: BenchEntry): Promise<BenchOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const module = (await import(pathToFileURL(join(benchDirectory, entry.fileName)).href)) as { run?: unknown };
    if (typeof module.run !== 'function') throw new Error('module does not export a run() function');
    const results: unknown = await module.run();
    const invalid = describeInvalidResults(results);
    if (invalid !== undefined) throw new Error(invalid);
    return { name: entry.name, results: results as BenchResult[], durationMs: elapsed() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`bench ${entry.name} failed:`, error);
    return { name: entry.name, results: [], error: message, durationMs: elapsed() };
  }
}

let entries: BenchEntry[];
try {
  entries = selectBenches(readdirSync(benchDirectory), process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
if (entries.length === 0) {
  console.error(`no bench/*.bench.ts files in ${benchDirectory}`);
  process.exit(2);
}

const machine = describeMachine();
console.log(`${machine.cpuModel} (${machine.cpuCount} CPUs), node ${machine.nodeVersion}, ${machine.date}`);
const outcomes: BenchOutcome[] = [];
for (const entry of entries) {
  console.log(`running ${entry.name}...`);
  const outcome = await runBench(entry);
  console.log(`  ${outcome.error === undefined ? 'done' : 'FAILED'} in ${(outcome.durationMs / 1000).toFixed(1)} s`);
  outcomes.push(outcome);
}

console.log(`\n${formatResultsTable(outcomes)}\n`);
mkdirSync(join(benchDirectory, 'results'), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify({ machine, benches: outcomes }, null, 2)}\n`);
console.log(`results written to ${resultsFile}`);
const failed = outcomes.filter((outcome) => outcome.error !== undefined);
if (failed.length > 0) {
  console.error(`${failed.length} bench(es) failed: ${failed.map((outcome) => outcome.name).join(', ')}`);
  process.exitCode = 1;
}
