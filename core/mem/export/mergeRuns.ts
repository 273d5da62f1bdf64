import type { PhysRange } from '../PhysicalMemory';

/** Sorts runs and merges those that overlap or touch, into new objects (the input is not changed). */
export function mergeRuns(runs: readonly PhysRange[]): PhysRange[] {
  const merged: PhysRange[] = [];
  for (const run of [...runs].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && run.start <= last.end) last.end = Math.max(last.end, run.end);
    else merged.push({ start: run.start, end: run.end });
  }
  return merged;
}
