// FDT index build: our readFdt against a full libfdt walk over the same dtc-built
// blobs of 1k, 10k and 100k nodes. Goal: readFdt >= 2x the libfdt MB/s at 100k nodes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFdt } from '../core/fdt';
import type { BenchResult } from './BenchResult';
import { compileDeviceTree } from './compileDeviceTree';
import { generateDeviceTreeSource } from './generateDeviceTreeSource';
import { runLibfdtWalk } from './libfdtWalk';
import { measureRepetitions, type RepetitionPlan, type RepetitionTiming } from './measureRepetitions';

const TREE_SIZES = [1_000, 10_000, 100_000];
/** Fixed seed: the same trees on every run and machine. */
const TREE_SEED = 0x6b686f;
/** The goal from the issue: our index build at least this many times libfdt's walk, at the largest tree. */
const GOAL_RATIO = 2;

const buildDirectory = fileURLToPath(new URL('./build/', import.meta.url));

/** Megabytes (10^6 bytes) per second for one pass over `bytes` taking `ns`. */
const megabytesPerSecond = (bytes: number, ns: number): number => bytes / 1e6 / (ns / 1e9);

/** Same plan for both runners; small trees get more warm-up runs so the JIT settles. */
function planFor(nodeCount: number): RepetitionPlan {
  return { warmupReps: Math.ceil(200_000 / nodeCount) + 2, minReps: 10, budgetMs: 2_000, maxReps: 10_000 };
}

/** Figures of one runner as one result row: best-run MB/s, median in the notes. */
function throughputResult(name: string, bytes: number, timing: RepetitionTiming): BenchResult {
  const median = megabytesPerSecond(bytes, timing.medianNs).toFixed(1);
  return {
    name,
    value: megabytesPerSecond(bytes, timing.minNs),
    unit: 'MB/s',
    notes: `best run; median ${median} MB/s over ${timing.reps} runs`,
  };
}

/** Generates, compiles and measures one tree size; returns its three rows. */
function benchTreeSize(nodeCount: number, isGoalSize: boolean): BenchResult[] {
  const label = `${nodeCount / 1000}k nodes`;
  const tree = generateDeviceTreeSource(nodeCount, TREE_SEED);
  const stem = join(buildDirectory, `fdt-index-${nodeCount / 1000}k`);
  const blob = compileDeviceTree(tree.source, `${stem}.dts`, `${stem}.dtb`);
  const plan = planFor(nodeCount);

  const libfdt = runLibfdtWalk(`${stem}.dtb`, plan);
  const ours = measureRepetitions(() => readFdt(blob), plan);
  // Both runners must have seen the whole tree, or the comparison is meaningless.
  const index = readFdt(blob);
  if (libfdt.bytes !== blob.length || libfdt.nodes !== tree.nodes || libfdt.properties !== tree.properties)
    throw new Error(
      `libfdt walk saw ${libfdt.nodes} nodes/${libfdt.properties} properties in ${libfdt.bytes} bytes, expected ${tree.nodes}/${tree.properties} in ${blob.length}`,
    );
  if (index.nodeCount !== tree.nodes || index.propertyCount !== tree.properties)
    throw new Error(
      `readFdt indexed ${index.nodeCount} nodes/${index.propertyCount} properties, expected ${tree.nodes}/${tree.properties}`,
    );

  const ratio = megabytesPerSecond(blob.length, ours.minNs) / megabytesPerSecond(blob.length, libfdt.minNs);
  const medianRatio = libfdt.medianNs / ours.medianNs;
  const size = `${(blob.length / 1e6).toFixed(2)} MB, ${tree.properties} properties`;
  const goal = isGoalSize ? `; goal >= ${GOAL_RATIO}x: ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'}` : '';
  return [
    throughputResult(`${label}: readFdt index build`, blob.length, ours),
    throughputResult(`${label}: libfdt full walk`, blob.length, libfdt),
    {
      name: `${label}: readFdt / libfdt`,
      value: ratio,
      unit: 'x',
      notes: `best runs; median ratio ${medianRatio.toFixed(2)}x; ${size}${goal}`,
    },
  ];
}

/** Runs the FDT index bench over every tree size. */
export async function run(): Promise<BenchResult[]> {
  mkdirSync(buildDirectory, { recursive: true });
  const largest = Math.max(...TREE_SIZES);
  return TREE_SIZES.flatMap((nodeCount) => benchTreeSize(nodeCount, nodeCount === largest));
}
