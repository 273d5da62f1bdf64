// `npm run bench [-- NAME...] [-- --check]`: runs every bench/*.bench.ts (or the
// named ones) one after another, each in a fresh process, prints a table and
// writes bench/results/latest.json. Benches run sequentially so they never
// compete for the machine's cores; each records the load average around it.
// With --check the exit status is 1 when a goal was missed or a bench failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOutcome } from './BenchOutcome';
import { describeMachine } from './describeMachine';
import { formatResultsTable, missedGoals } from './formatResultsTable';
import { selectBenches, type BenchEntry } from './selectBenches';

const benchDirectory = fileURLToPath(new URL('.', import.meta.url));
const runTs = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const resultsFile = join(benchDirectory, 'results', 'latest.json');

/** Runs one bench in a child process and reads back what it produced. */
function runBench(entry: BenchEntry, scratch: string): BenchOutcome {
  const started = performance.now();
  const before = loadavg()[0];
  const outputPath = join(scratch, `${entry.name}.json`);
  const child = spawnSync(
    process.execPath,
    [runTs, join(benchDirectory, 'runOneBench.ts'), entry.fileName, outputPath],
    {
      stdio: 'inherit',
    },
  );
  const timing = { durationMs: Math.round(performance.now() - started), load: { before, after: loadavg()[0] } };
  try {
    const output = JSON.parse(readFileSync(outputPath, 'utf8')) as {
      results?: BenchOutcome['results'];
      error?: string;
    };
    return { name: entry.name, results: output.results ?? [], error: output.error, ...timing };
  } catch {
    const how = child.signal ? `signal ${child.signal}` : `exit status ${child.status}`;
    return { name: entry.name, results: [], error: `the bench process ended (${how}) without results`, ...timing };
  }
}

const args = process.argv.slice(2);
const check = args.includes('--check');
let entries: BenchEntry[];
try {
  entries = selectBenches(
    readdirSync(benchDirectory),
    args.filter((arg) => arg !== '--check'),
  );
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
const scratch = mkdtempSync(join(tmpdir(), 'khoscope-bench-'));
const outcomes: BenchOutcome[] = [];
try {
  for (const entry of entries) {
    console.log(`running ${entry.name} (load average ${loadavg()[0].toFixed(1)})...`);
    const outcome = runBench(entry, scratch);
    console.log(`  ${outcome.error === undefined ? 'done' : 'FAILED'} in ${(outcome.durationMs / 1000).toFixed(1)} s`);
    outcomes.push(outcome);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
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
const missed = missedGoals(outcomes);
if (missed.length > 0) {
  console.error(`${missed.length} goal(s) missed:\n${missed.map((line) => `  ${line}`).join('\n')}`);
  if (check) process.exitCode = 1;
}
