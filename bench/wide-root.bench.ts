/**
 * Issue 14's fan-in giant, a kho-v1 root with 12,000 children all pointing at
 * one sub-FDT: every stage that once was quadratic in the width (patching and
 * re-applying a value per child, decoding, the text, JSON and DTS renderers,
 * the edit state, a no-op edit plan), timed at 12,000 children. The goal was
 * a wall-clock bound of 3 s per stage in core/edit/wideRoot.hostile.test.ts,
 * which a loaded machine broke; the test now compares growth over 8x the
 * width, and the bound is judged here on medians.
 */
import { timeStage, wideRootStages } from '../core/edit/testing/wideRootStages';
import { median } from './alternateRuns';
import { type BenchResult, judge } from './BenchResult';

const CHILDREN = 12_000;
/** Each stage's median at most this (the quadratic versions took 5.6-35 s at this width). */
const STAGE_GOAL_MS = 3000;
const RUNS = 5;

/** Each stage's median time of `RUNS` runs at 12,000 children, after one untimed run. */
export async function run(): Promise<BenchResult[]> {
  const { stages } = await wideRootStages(CHILDREN);
  const results: BenchResult[] = [];
  for (const stage of stages) {
    await stage.run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeStage(stage));
    const ms = median(times);
    results.push({
      name: `12k-child kho-v1 root: ${stage.name}`,
      value: Math.round(ms * 10) / 10,
      unit: 'ms',
      notes: `median of ${RUNS} runs (range ${Math.min(...times).toFixed(1)}-${Math.max(...times).toFixed(1)} ms), in Node`,
      goal: judge(`median <= ${STAGE_GOAL_MS} ms`, ms <= STAGE_GOAL_MS),
    });
  }
  return results;
}
