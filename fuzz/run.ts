/**
 * `npm run fuzz -- --budget SECONDS --seed N [--families a,b] [--watchdog MS] [--heap MIB]`
 *
 * Feeds generated inputs of every family (fuzz/families.ts) round-robin to a
 * child process, one at a time, each under a watchdog: a child that does not
 * answer in time is killed (a hang) and replaced, one that dies is an
 * out-of-memory or a crash. Prints a summary table; every new kind of
 * finding is kept as a reproducer in fuzz/corpus/ (at most two per kind),
 * and the summary also goes to fuzz/out/ as Markdown and JSON.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpus, signatureOf, writeReproducer } from './corpusFiles';
import { FAMILIES, makeInput } from './families';
import type { ChildReply, ChildRequest } from './protocol';
import { formatSummary, FamilyStats, type Finding } from './summary';
import type { OutcomeKind } from './runTarget';

const ROOT = join(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    budget: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    families: { type: 'string' },
    watchdog: { type: 'string', default: '10000' },
    heap: { type: 'string', default: '640' },
    'no-save': { type: 'boolean', default: false },
  },
});
const budgetMs = 1000 * Number(values.budget);
const seed = Number(values.seed);
const watchdogMs = Number(values.watchdog);
const heapMiB = Number(values.heap);
const families = values.families ? values.families.split(',') : FAMILIES.map((f) => f.name);
for (const name of families)
  if (!FAMILIES.some((f) => f.name === name))
    throw new Error(`unknown family ${name}; known: ${FAMILIES.map((f) => f.name).join(', ')}`);
if (!(budgetMs > 0) || !Number.isSafeInteger(seed) || !(watchdogMs > 0))
  throw new Error('usage: npm run fuzz -- --budget SECONDS --seed N [--families a,b] [--watchdog MS] [--heap MIB]');

/** One child process and its last words. */
class Child {
  readonly process: ChildProcess;
  stderrTail = '';
  readonly ready: Promise<void>;

  constructor() {
    this.process = fork(join(ROOT, 'bin/run-ts.js'), [join(ROOT, 'fuzz/child.ts')], {
      cwd: ROOT,
      execArgv: [`--max-old-space-size=${heapMiB}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    this.process.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000);
    });
    this.ready = new Promise((resolve, reject) => {
      this.process.once('message', () => resolve());
      this.process.once('exit', (code) =>
        reject(new Error(`the fuzz child exited (${code}) before it was ready:\n${this.stderrTail}`)),
      );
    });
  }

  /** Runs one input; resolves with the reply, or with how the child failed. */
  run(request: ChildRequest): Promise<ChildReply | { kind: OutcomeKind; message: string }> {
    return new Promise((resolve) => {
      const done = (result: ChildReply | { kind: OutcomeKind; message: string }) => {
        clearTimeout(timer);
        this.process.off('message', onMessage);
        this.process.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (reply: ChildReply) => {
        if (reply.id === request.id) done(reply);
      };
      const onExit = (code: number | null, signal: string | null) => {
        const oom = /heap out of memory|Allocation failed/i.test(this.stderrTail);
        done({
          kind: oom ? 'out-of-memory' : 'crash',
          message: oom
            ? `the child ran out of its ${heapMiB} MiB heap`
            : `the child died (${signal ?? code}): ${this.stderrTail.slice(-500)}`,
        });
      };
      const timer = setTimeout(() => {
        this.process.off('exit', onExit);
        this.process.kill('SIGKILL');
        done({ kind: 'hang', message: `no answer within ${watchdogMs} ms; the child was killed` });
      }, watchdogMs);
      this.process.on('message', onMessage);
      this.process.once('exit', onExit);
      this.process.send(request);
    });
  }

  /** False once the process has exited. */
  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }
}

const stats = new Map(families.map((name) => [name, new FamilyStats(name)]));
const known = new Map<string, number>();
for (const entry of readCorpus()) known.set(entry.signature, (known.get(entry.signature) ?? 0) + 1);
const findings = new Map<string, Finding>();
const started = Date.now();
let child = new Child();
await child.ready;
let stop = false;
process.on('SIGINT', () => {
  stop = true;
});

for (let i = 0, id = 0; !stop && Date.now() - started < budgetMs; i++) {
  const family = families[i % families.length];
  const index = Math.floor(i / families.length);
  const request: ChildRequest = { id: id++, family, seed, index };
  const result = await child.run(request);
  const reply = 'outcome' in result ? result : null;
  const { kind, message } = 'outcome' in result ? result.outcome : result;
  stats.get(family)!.add(kind, reply?.outcome.ms ?? watchdogMs, reply?.rss);
  if (kind !== 'ok' && kind !== 'refused') {
    // Made again here: a child that hung or died cannot say what it was given.
    const input = makeInput(family, seed, index);
    const signature = signatureOf(kind, message, { family, what: input.what });
    const finding = findings.get(signature) ?? { signature, family, count: 0, example: '', reproducers: [] };
    finding.count++;
    findings.set(signature, finding);
    finding.example ||= `${input.what}: ${message.split('\n')[0]}`;
    const kept = (known.get(signature) ?? 0) + finding.reproducers.length;
    if (kept < 2 && !values['no-save'])
      finding.reproducers.push(writeReproducer(input, { family, seed, index }, { kind, message }).name);
  }
  if (reply === null || !child.alive) {
    // Killed by the watchdog or died: a fresh child for the next input.
    child.process.kill('SIGKILL');
    child = new Child();
    await child.ready;
  }
}
child.process.kill();

const elapsed = (Date.now() - started) / 1000;
const summary = formatSummary([...stats.values()], [...findings.values()], { seed, elapsed, watchdogMs, heapMiB });
process.stdout.write(summary.markdown);
mkdirSync(join(ROOT, 'fuzz/out'), { recursive: true });
writeFileSync(join(ROOT, `fuzz/out/summary-seed${seed}.md`), summary.markdown);
writeFileSync(join(ROOT, `fuzz/out/summary-seed${seed}.json`), `${JSON.stringify(summary.json, null, 2)}\n`);
