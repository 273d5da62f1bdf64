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
}
