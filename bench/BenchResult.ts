/** A goal a figure is judged against, and whether this run met it. */
export interface BenchGoal {
  /** The goal in plain words (`median >= 1.5x dtc`, `< 10 s`). */
  text: string;
  met: boolean;
}

/** One figure measured by a benchmark, as `npm run bench` prints it and docs/performance.md records it. */
export interface BenchResult {
  /** What was measured. */
  name: string;
  /** The figure (finite). */
  value: number;
  /** Unit of `value` (`ms`, `MB/s`, `x`, ...). */
  unit: string;
  /** Conditions and context in plain words (sizes, counts, what it is compared with). */
  notes?: string;
  /**
   * The goal this figure is judged against, judged by the bench on medians
   * (never on a best run). A missed goal shows as MISSED in the table and
   * fails `npm run bench -- --check`.
   */
  goal?: BenchGoal;
}

/** A goal judged: `{text, met}`. */
export function judge(text: string, met: boolean): BenchGoal {
  return { text, met };
}
