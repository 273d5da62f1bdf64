/**
 * `npm run fuzz -- --budget SECONDS --seed N [--inputs N] [--families a,b] [--jobs N] [--watchdog MS] [--heap MIB] [--recheck SECONDS] [--no-save]`
 * `npm run fuzz -- --recheck-from fuzz/out/summary-seedN.json [--recheck SECONDS] [--watchdog MS] [--heap MIB] [--no-save]`
 *
 * Feeds generated inputs of every family (fuzz/families.ts) round-robin to a
 * pool of worker threads (one per core by default), each running one input
 * at a time under a heap limit and a watchdog (fuzz/FuzzWorker.ts). A worker
 * that does not answer in time is terminated and replaced; its input is
 * re-checked alone at the end, with the rest of the pool idle, so a hang
 * under load is told apart from a real one. Prints a summary table; every
 * new kind of finding is kept as a reproducer in fuzz/corpus/ (at most two
 * per kind), and the summary also goes to fuzz/out/ as Markdown and JSON.
 * Suspects the re-check budget had no time for are listed in that JSON;
 * `--recheck-from` re-checks them alone later, without a pool.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpus, signatureOf, writeReproducer } from './corpusFiles';
import { FAMILIES, makeInput, prepareFamilies } from './families';
import { FuzzWorker, type FuzzWorkerLimits, type WorkerFailure } from './FuzzWorker';
import { readUncheckedSuspects, type UncheckedSuspect } from './uncheckedSuspects';
import type { WorkerReply, WorkerRequest } from './protocol';
import { formatSummary, FamilyStats, type Finding } from './summary';
import type { OutcomeKind } from './runTarget';

const ROOT = join(import.meta.dirname, '..');
const USAGE =
  'usage: npm run fuzz -- --budget SECONDS --seed N [--inputs N] [--families a,b] [--jobs N] [--watchdog MS] [--heap MIB] [--recheck SECONDS] [--no-save]\n' +
  '       npm run fuzz -- --recheck-from fuzz/out/summary-seedN.json [--recheck SECONDS] [--watchdog MS] [--heap MIB] [--no-save]';

const { values } = parseArgs({
  options: {
    budget: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    inputs: { type: 'string' },
    families: { type: 'string' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    watchdog: { type: 'string', default: '10000' },
    heap: { type: 'string', default: '512' },
    recheck: { type: 'string', default: '300' },
    'recheck-from': { type: 'string' },
    'no-save': { type: 'boolean', default: false },
  },
});
const budgetMs = 1000 * Number(values.budget);
const recheckFrom = values['recheck-from'] === undefined ? null : readUncheckedSuspects(values['recheck-from']);
const seed = recheckFrom?.seed ?? Number(values.seed);
const maxInputs = values.inputs === undefined ? Number.POSITIVE_INFINITY : Number(values.inputs);
const jobs = Number(values.jobs);
const recheckBudgetMs = 1000 * Number(values.recheck);
const limits: FuzzWorkerLimits = { watchdogMs: Number(values.watchdog), heapMiB: Number(values.heap) };
const families = recheckFrom
  ? [...new Set(recheckFrom.suspects.map((s) => s.family))]
  : values.families
    ? values.families.split(',')
    : FAMILIES.map((f) => f.name);
for (const name of families)
  if (!FAMILIES.some((f) => f.name === name))
    throw new Error(`unknown family ${name}; known: ${FAMILIES.map((f) => f.name).join(', ')}`);
if (
  !(budgetMs > 0) ||
  !Number.isSafeInteger(seed) ||
  !(maxInputs > 0) ||
  !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64) ||
  !(limits.watchdogMs > 0) ||
  !(limits.heapMiB >= 16) ||
  !(recheckBudgetMs >= 0)
)
  throw new Error(USAGE);

// Findings are made again here to be kept, so this process needs what the families prepare too.
await prepareFamilies(families);
const stats = new Map(families.map((name) => [name, new FamilyStats(name)]));
const known = new Map<string, number>();
for (const entry of readCorpus()) known.set(entry.signature, (known.get(entry.signature) ?? 0) + 1);
const findings = new Map<string, Finding>();
/**
 * Hangs and slow inputs seen under the pool's load (or, with
 * `--recheck-from`, those an earlier run left): each is run again alone at
 * the end, as long as the re-check budget lasts.
 */
const suspects: Array<{ request: WorkerRequest; pool: { kind: OutcomeKind; message: string } }> = (
  recheckFrom?.suspects ?? []
).map(({ family, index, kind, message }, id) => ({ request: { id, family, seed, index }, pool: { kind, message } }));
/** Suspects the re-check budget had no time for, listed in the summary JSON for `--recheck-from`. */
const unchecked: UncheckedSuspect[] = [];
const started = Date.now();
// The first Ctrl-C ends the run (re-checks and the summary follow), a second one the re-checks.
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts++;
});

/** Counts a result and keeps a reproducer of every new kind of finding. */
function record(request: WorkerRequest, kind: OutcomeKind, message: string, reply: WorkerReply | null): void {
  const { family, index } = request;
  stats.get(family)!.add(kind, reply?.outcome.ms ?? limits.watchdogMs, reply?.heapGrowth, reply?.heapTotal);
  if (kind === 'ok' || kind === 'refused') return;
  // Made again here: a worker that hung or died cannot say what it was given.
  const input = makeInput(family, seed, index);
  const signature = signatureOf(kind, message, { family, what: input.what });
  const finding = findings.get(signature) ?? { signature, family, count: 0, example: '', reproducers: [] };
  finding.count++;
  findings.set(signature, finding);
  finding.example ||= `${input.what} (index ${index}): ${message.split('\n')[0]}`;
  const kept = (known.get(signature) ?? 0) + finding.reproducers.length;
  if (kept < 2 && !values['no-save'])
    finding.reproducers.push(writeReproducer(input, { family, seed, index }, { kind, message }).name);
}

/** The outcome kind and message of a reply or a failure. */
function verdict(result: WorkerReply | WorkerFailure): { kind: OutcomeKind; message: string } {
  return 'outcome' in result ? result.outcome : result;
}

let next = 0;
let done = 0;

/** One lane of the pool: takes the next input until the budget, the count or Ctrl-C ends the run. */
async function lane(): Promise<void> {
  let worker = new FuzzWorker(limits);
  await worker.ready;
  while (interrupts === 0 && next < maxInputs && Date.now() - started < budgetMs) {
    const i = next++;
    const family = families[i % families.length];
    const request: WorkerRequest = { id: i, family, seed, index: Math.floor(i / families.length) };
    const result = await worker.run(request);
    const reply = 'outcome' in result ? result : null;
    const { kind, message } = verdict(result);
    if (kind === 'hang' || kind === 'slow') {
      suspects.push({ request, pool: { kind, message: `${message} (under the pool's load; not re-checked alone)` } });
    } else record(request, kind, message, reply);
    done++;
    if (!worker.alive) {
      worker = new FuzzWorker(limits);
      await worker.ready;
    }
  }
  await worker.close();
}

const progress = setInterval(() => {
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(
    `fuzz: ${done} inputs in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(0)}/s), ${findings.size} kinds of finding, ${suspects.length} hang(s) or slow input(s) to re-check, load ${loadavg()[0].toFixed(1)}\n`,
  );
}, 30_000);
if (!recheckFrom) await Promise.all(Array.from({ length: jobs }, lane));
clearInterval(progress);
const runSeconds = (Date.now() - started) / 1000;

// Each suspect again, alone (the pool is idle now): a hang or a slow input
// under load is counted as what it is alone, with a note. One worker serves
// them all while it lives; the re-checks have their own time budget, and
// suspects left when it runs out keep the verdict they had in the pool.
let confirmed = 0;
let rechecked = 0;
const recheckStarted = Date.now();
let worker: FuzzWorker | null = null;
for (const { request, pool } of suspects) {
  if (interrupts > 1 || Date.now() - recheckStarted >= recheckBudgetMs) {
    record(request, pool.kind, pool.message, null);
    unchecked.push({ family: request.family, index: request.index, ...pool });
    continue;
  }
  rechecked++;
  if (!worker?.alive) {
    worker = new FuzzWorker(limits);
    await worker.ready;
  }
  const result = await worker.run(request);
  const reply = 'outcome' in result ? result : null;
  const { kind, message } = verdict(result);
  if (kind === 'hang' || kind === 'slow') confirmed++;
  record(
    request,
    kind,
    kind === 'hang' || kind === 'slow'
      ? `${message} (also when re-checked alone)`
      : `${message} [a hang or slow in the pool; alone: ${kind}]`,
    reply,
  );
}
await worker?.close();

const elapsed = (Date.now() - started) / 1000;
const outName = `fuzz/out/summary-seed${seed}${recheckFrom ? '-recheck' : ''}`;
const summary = formatSummary(
  [...stats.values()],
  [...findings.values()],
  {
    seed,
    elapsed,
    runSeconds,
    jobs: recheckFrom ? 0 : jobs,
    rechecked,
    suspects: suspects.length,
    confirmed,
    watchdogMs: limits.watchdogMs,
    heapMiB: limits.heapMiB,
    recheckFrom: values['recheck-from'],
  },
  { list: unchecked, json: `${outName}.json` },
);
process.stdout.write(summary.markdown);
mkdirSync(join(ROOT, 'fuzz/out'), { recursive: true });
writeFileSync(join(ROOT, `${outName}.md`), summary.markdown);
writeFileSync(join(ROOT, `${outName}.json`), `${JSON.stringify(summary.json, null, 2)}\n`);
