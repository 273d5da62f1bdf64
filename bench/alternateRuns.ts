/** Median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A ratio taken round by round: its median (what goals are judged on) and its range. */
export interface RatioSummary {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

/** `numerator[i] / denominator[i]` for every round, summarised. */
export function roundRatios(numerator: readonly number[], denominator: readonly number[]): RatioSummary {
  const ratios = numerator.map((value, i) => value / denominator[i]);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), rounds: ratios.length };
}

/** `2.31x (2.05-2.60x over 9 rounds)`. */
export function describeRatio(ratio: RatioSummary): string {
  return `${ratio.median.toFixed(2)}x (${ratio.min.toFixed(2)}-${ratio.max.toFixed(2)}x over ${ratio.rounds} rounds)`;
}

/**
 * Runs the sides in turn, round after round, and returns each side's figure
 * per round (`figures[side][round]`). Sides alternate run by run, and the
 * order within a round flips every round (A B, B A, A B, ...), so a load
 * that comes and goes, or a cache one side warms for the next, lands on both
 * sides alike instead of on whichever ran second.
 */
export async function alternateRuns<T>(sides: readonly (() => T | Promise<T>)[], rounds: number): Promise<T[][]> {
  const figures = sides.map((): T[] => []);
  for (let round = 0; round < rounds; round++) {
    const order = sides.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const side of order) figures[side].push(await sides[side]());
  }
  return figures;
}
