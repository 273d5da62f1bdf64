/** Timing of one repeated operation. */
export interface RepetitionTiming {
  reps: number;
  minNs: number;
  medianNs: number;
}

/** How long and how often to repeat an operation. */
export interface RepetitionPlan {
  /** Untimed runs first, so the JIT has compiled the hot paths. */
  warmupReps: number;
  /** Timed runs at least this many... */
  minReps: number;
  /** ...and beyond that until this much time has been spent timing. */
  budgetMs: number;
  /** Hard cap on timed runs. */
  maxReps: number;
}

/**
 * Times `operation` repeatedly, each run on its own, and reports the fastest
 * and the median run. The fastest shows what the code can do; the median
 * includes the garbage collection and scheduling a user would see.
 */
export function measureRepetitions(operation: () => unknown, plan: RepetitionPlan): RepetitionTiming {
  for (let i = 0; i < plan.warmupReps; i++) operation();
  const samples: number[] = [];
  let totalNs = 0;
  while (samples.length < plan.maxReps && (samples.length < plan.minReps || totalNs < plan.budgetMs * 1e6)) {
    const started = process.hrtime.bigint();
    operation();
    const elapsed = Number(process.hrtime.bigint() - started);
    samples.push(elapsed);
    totalNs += elapsed;
  }
  samples.sort((a, b) => a - b);
  return { reps: samples.length, minNs: samples[0], medianNs: samples[Math.floor(samples.length / 2)] };
}
