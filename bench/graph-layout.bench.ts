/**
 * The explorer's graph model outside the browser: building the card scene of
 * a synthetic graph (the views harness's, `syntheticGraph`), laying out the
 * forest and indexing the cards for culling, at 1k and 10k fragments. The
 * goal once lived as a wall-clock bound in CardIndex.test.ts, where a loaded
 * machine made it fail; here it is judged on the median of repeated runs.
 */
import { syntheticGraph } from '../app/views/graph/testing/syntheticGraph';
import { buildGraphScene } from '../app/views/graph/model/buildGraphScene';
import { CARD, COLUMN_STEP, LAYOUT } from '../app/views/graph/model/cardGeometry';
import { CardIndex } from '../app/views/graph/model/CardIndex';
import { layoutForest } from '../app/views/graph/model/layoutForest';
import { type BenchResult, judge } from './BenchResult';
import { measureRepetitions } from './measureRepetitions';

/** Scene, layout and card index of 10k fragments, median (the bound CardIndex.test.ts held; the browser's first-frame budget is 2 s). */
const BUILD_GOAL_MS = 1500;
/** 10x the fragments may cost at most this many times as much (10x is linear; a quadratic step would be 100x). */
const GROWTH_GOAL = 15;
const SIZES = [1_000, 10_000];

/** Builds what the graph view builds before its first frame; returns the card count so nothing is skipped. */
function buildModel(graph: ReturnType<typeof syntheticGraph>): number {
  const scene = buildGraphScene(graph);
  const layout = layoutForest(
    { roots: scene.roots, children: (id) => scene.byId.get(id)!.children, height: (id) => scene.byId.get(id)!.height },
    { columnStep: COLUMN_STEP, gap: LAYOUT.gap },
  );
  return (
    new CardIndex(layout, CARD.width, COLUMN_STEP).query({ x0: 0, y0: 0, x1: 1600, y1: 900 }).length + layout.ids.length
  );
}

/** Median build time at each size, the growth between them, and the goal at 10k. */
export async function run(): Promise<BenchResult[]> {
  const medians: number[] = [];
  const results: BenchResult[] = [];
  for (const fragments of SIZES) {
    const graph = syntheticGraph({ fragments, seed: 7 });
    if (buildModel(graph) < fragments) throw new Error(`the layout of ${fragments} fragments lacks cards`);
    const timing = measureRepetitions(() => buildModel(graph), {
      warmupReps: 2,
      minReps: 7,
      budgetMs: 2000,
      maxReps: 50,
    });
    const ms = timing.medianNs / 1e6;
    medians.push(ms);
    const largest = fragments === SIZES[SIZES.length - 1];
    results.push({
      name: `graph model, ${fragments / 1000}k fragments: scene + layout + card index`,
      value: Math.round(ms * 10) / 10,
      unit: 'ms',
      notes: `median of ${timing.reps} runs (best ${(timing.minNs / 1e6).toFixed(1)} ms), in Node, synthetic graph seed 7`,
      goal: largest ? judge(`median <= ${BUILD_GOAL_MS} ms`, ms <= BUILD_GOAL_MS) : undefined,
    });
  }
  const growth = medians[1] / medians[0];
  results.push({
    name: 'graph model: growth 1k -> 10k fragments',
    value: Math.round(growth * 100) / 100,
    unit: 'x',
    notes: 'ratio of the medians above',
    goal: judge(`<= ${GROWTH_GOAL}x`, growth <= GROWTH_GOAL),
  });
  return results;
}
