import { loadavg } from 'node:os';
import type { OutcomeKind } from './runTarget';
import type { UncheckedSuspect } from './uncheckedSuspects';

const KINDS: readonly OutcomeKind[] = ['ok', 'refused', 'crash', 'invariant', 'slow', 'hang', 'out-of-memory'];

/** Counts and timings of one family. */
export class FamilyStats {
  readonly counts = new Map<OutcomeKind, number>();
  private readonly times: number[] = [];
  /** The largest heap growth over one input (bytes). */
  maxHeapGrowth = 0;
  /** The largest worker heap seen right after an input (bytes). */
  maxHeapTotal = 0;

  constructor(readonly name: string) {}

  /** Counts one input: its outcome, its time and (when the worker answered) its heap figures. */
  add(kind: OutcomeKind, ms: number, heapGrowth: number | undefined, heapTotal: number | undefined): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    this.times.push(ms);
    if (heapGrowth !== undefined) this.maxHeapGrowth = Math.max(this.maxHeapGrowth, heapGrowth);
    if (heapTotal !== undefined) this.maxHeapTotal = Math.max(this.maxHeapTotal, heapTotal);
  }

  get inputs(): number {
    return this.times.length;
  }

  /** The `q` quantile of the per-input times (ms). */
  quantile(q: number): number {
    if (this.times.length === 0) return 0;
    const sorted = [...this.times].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  }
}

/** One kind of non-clean outcome and where it was kept. */
export interface Finding {
  signature: string;
  family: string;
  count: number;
  example: string;
  reproducers: string[];
}

/**
 * The run's table in Markdown and the same facts as JSON. A run with
 * `recheckFrom` re-checked an earlier run's suspects and had no pool
 * (`jobs` 0). `unchecked` lists the suspects the re-check budget had no time
 * for, and the JSON (`unchecked.json`) that `--recheck-from` takes.
 */
export function formatSummary(
  stats: FamilyStats[],
  findings: Finding[],
  run: {
    seed: number;
    elapsed: number;
    runSeconds: number;
    jobs: number;
    rechecked: number;
    suspects: number;
    confirmed: number;
    watchdogMs: number;
    heapMiB: number;
    recheckFrom?: string;
  },
  unchecked: { list: UncheckedSuspect[]; json: string },
): { markdown: string; json: unknown } {
  const total = stats.reduce((n, s) => n + s.inputs, 0);
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const header = ['family', 'inputs', ...KINDS, 'median ms', 'p99 ms', 'max ms', 'max heap growth MiB', 'max heap MiB'];
  const rows = stats.map((s) => [
    s.name,
    String(s.inputs),
    ...KINDS.map((k) => String(s.counts.get(k) ?? 0)),
    s.quantile(0.5).toFixed(1),
    s.quantile(0.99).toFixed(0),
    s.quantile(1).toFixed(0),
    (s.maxHeapGrowth / 2 ** 20).toFixed(1),
    (s.maxHeapTotal / 2 ** 20).toFixed(0),
  ]);
  const totals = KINDS.map((k) => String(stats.reduce((n, s) => n + (s.counts.get(k) ?? 0), 0)));
  const maxGrowth = Math.max(0, ...stats.map((s) => s.maxHeapGrowth));
  const maxTotal = Math.max(0, ...stats.map((s) => s.maxHeapTotal));
  rows.push([
    '**all**',
    String(total),
    ...totals,
    '',
    '',
    '',
    (maxGrowth / 2 ** 20).toFixed(1),
    (maxTotal / 2 ** 20).toFixed(0),
  ]);
  const limits = `watchdog ${run.watchdogMs} ms, worker heap limit ${run.heapMiB} MiB, load average at the end ${load}`;
  const lines = [
    run.recheckFrom
      ? `fuzz re-check: seed ${run.seed}, the ${run.suspects} suspect(s) ${run.recheckFrom} left unchecked, ${run.rechecked} re-checked alone (${run.confirmed} still a hang or slow) in ${run.elapsed.toFixed(0)} s, ${limits}`
      : `fuzz run: seed ${run.seed}, ${total} inputs in ${run.runSeconds.toFixed(0)} s (${(total / run.runSeconds).toFixed(0)}/s) on ${run.jobs} worker thread(s), ${run.suspects} hang(s) or slow input(s) in the pool, ${run.rechecked} re-checked alone (${run.confirmed} still so) (${run.elapsed.toFixed(0)} s in all), ${limits}`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    findings.length === 0 ? 'no findings' : 'findings (kind: first line, numbers blanked):',
    '',
    ...findings.map(
      (f) =>
        `- ${f.count}× ${f.signature} (${f.family}${f.reproducers.length > 0 ? `; kept as ${f.reproducers.join(', ')}` : ''})\n  e.g. ${f.example.slice(0, 300)}`,
    ),
    '',
    ...(unchecked.list.length === 0
      ? []
      : [
          `${unchecked.list.length} suspect(s) not re-checked alone (the --recheck budget ran out) keep the pool's verdict above; re-check them with \`npm run fuzz -- --recheck-from ${unchecked.json}\`.`,
          '',
        ]),
  ];
  return {
    markdown: lines.join('\n'),
    json: {
      run: { ...run, inputs: total, loadAverage: load },
      families: stats.map((s) => ({
        name: s.name,
        inputs: s.inputs,
        counts: Object.fromEntries(s.counts),
        medianMs: s.quantile(0.5),
        p99Ms: s.quantile(0.99),
        maxMs: s.quantile(1),
        maxHeapGrowthBytes: s.maxHeapGrowth,
        maxHeapTotalBytes: s.maxHeapTotal,
      })),
      findings,
      notRechecked: unchecked.list,
    },
  };
}
