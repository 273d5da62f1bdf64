import type { BenchResult } from './BenchResult';

/** What running one bench module produced: its figures, or why it failed. */
export interface BenchOutcome {
  /** Bench name: the file name without `.bench.ts`. */
  name: string;
  results: BenchResult[];
  /** Set when the bench threw or returned something that is not a result list. */
  error?: string;
  durationMs: number;
  /** The machine's 1-minute load average when the bench started and when it ended (its own process included). */
  load?: { before: number; after: number };
}
