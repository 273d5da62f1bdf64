// FDT reading against libfdt over the same dtc-built blobs of 1k, 10k and 100k
// nodes, the two sides alternating round by round (bench/alternateRuns.ts):
// - index build: our readFdt against libfdt's walk over every node and property
//   (goal: median >= 2x at 100k nodes);
// - decode all: readFdt plus every node name, property name and value through
//   the public FdtIndex.visit (names as strings, values as offset and length),
//   against a libfdt walk that also reads every byte of every name (goal:
//   median >= 1.5x at every size). This is the headline: it does the work the
//   libfdt walk does. The same through the per-item accessors, with a view per
//   value, is reported beside it without a goal.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FdtIndex, readFdt } from '../core/fdt';
import { alternateRuns, describeRatio, median, roundRatios } from './alternateRuns';
import { type BenchResult, judge } from './BenchResult';
import { compileDeviceTree } from './compileDeviceTree';
import { generateDeviceTreeSource } from './generateDeviceTreeSource';
import { runLibfdtWalk } from './libfdtWalk';
import { measureRepetitions, type RepetitionPlan } from './measureRepetitions';

const TREE_SIZES = [1_000, 10_000, 100_000];
/** Fixed seed: the same trees on every run and machine. */
const TREE_SEED = 0x6b686f;
/** Index build at least this many times libfdt's walk, at the largest tree. */
const INDEX_GOAL = 2;
/** Decoding every name and value at least this many times the libfdt walk that reads every name, at every size. */
const DECODE_GOAL = 1.5;
/** Rounds of alternation; each side's figure in a round is the median of its runs in that round. */
const ROUNDS = 9;

const buildDirectory = fileURLToPath(new URL('./build/', import.meta.url));

/** Megabytes (10^6 bytes) per second for one pass over `bytes` taking `ns`. */
const megabytesPerSecond = (bytes: number, ns: number): number => bytes / 1e6 / (ns / 1e9);

/** Runs per round for both sides; small trees get more warm-up runs so the JIT settles. */
function planFor(nodeCount: number): RepetitionPlan {
  return { warmupReps: Math.ceil(20_000 / nodeCount) + 1, minReps: 5, budgetMs: 200, maxReps: 1_000 };
}

/**
 * Every node name, property name and value of the tree, as a user reading all
 * of it would: `FdtIndex.visit`, names as strings, each value as its offset
 * and length in the blob (what libfdt's walk gets: a pointer and a length).
 * Returns a fold of what it saw so nothing can be skipped.
 */
function decodeAll(index: FdtIndex): number {
  let fold = 0;
  index.visit({
    node: (_n, name) => {
      fold += name.length;
    },
    property: (_p, name, valueOffset, length) => {
      fold += name.charCodeAt(0) + valueOffset + length;
    },
  });
  return fold;
}

/**
 * The same through the random-access accessors, one call per name and a
 * `Uint8Array` view per value (`propertyValue`): reported beside the
 * headline, without a goal, to show what the views cost.
 */
function decodeAllByAccessors(index: FdtIndex): number {
  let fold = 0;
  for (let n = 0; n < index.nodeCount; n++) {
    fold += index.nodeName(n).length;
    const first = index.nodeFirstProperty(n);
    const end = first + index.nodePropertyCount(n);
    for (let p = first; p < end; p++) {
      const name = index.propertyName(p);
      fold += name.charCodeAt(0) + index.propertyValue(p).length;
    }
  }
  return fold;
}

/** Generates, compiles and measures one tree size. */
async function benchTreeSize(nodeCount: number, isLargest: boolean): Promise<BenchResult[]> {
  const label = `${nodeCount / 1000}k nodes`;
  const tree = generateDeviceTreeSource(nodeCount, TREE_SEED);
  const stem = join(buildDirectory, `fdt-index-${nodeCount / 1000}k`);
  const dtbPath = `${stem}.dtb`;
  const blob = compileDeviceTree(tree.source, `${stem}.dts`, dtbPath);
  const plan = planFor(nodeCount);

  // Both runners must see the whole tree, or the comparison is meaningless.
  const check = runLibfdtWalk(dtbPath, { ...plan, minReps: 1, maxReps: 1 }, true);
  const index = readFdt(blob);
  if (check.bytes !== blob.length || check.nodes !== tree.nodes || check.properties !== tree.properties)
    throw new Error(`libfdt walk saw ${check.nodes}/${check.properties}, expected ${tree.nodes}/${tree.properties}`);
  if (index.nodeCount !== tree.nodes || index.propertyCount !== tree.properties)
    throw new Error(
      `readFdt indexed ${index.nodeCount}/${index.propertyCount}, expected ${tree.nodes}/${tree.properties}`,
    );

  const [libfdtIndex, oursIndex, libfdtDecode, oursDecode, oursAccessors] = await alternateRuns(
    [
      () => runLibfdtWalk(dtbPath, plan).medianNs,
      () => measureRepetitions(() => readFdt(blob), plan).medianNs,
      () => runLibfdtWalk(dtbPath, plan, true).medianNs,
      () => measureRepetitions(() => decodeAll(readFdt(blob)), plan).medianNs,
      () => measureRepetitions(() => decodeAllByAccessors(readFdt(blob)), plan).medianNs,
    ],
    ROUNDS,
  );
  const indexRatio = roundRatios(libfdtIndex, oursIndex);
  const decodeRatio = roundRatios(libfdtDecode, oursDecode);
  const accessorsRatio = roundRatios(libfdtDecode, oursAccessors);
  const mbps = (ns: number[]): string => `${megabytesPerSecond(blob.length, median(ns)).toFixed(0)} MB/s`;
  const size = `${(blob.length / 1e6).toFixed(2)} MB, ${tree.properties} properties`;
  return [
    {
      name: `${label}: decode every name and value / libfdt walk reading every name`,
      value: decodeRatio.median,
      unit: 'x',
      notes: `median ratio of rounds ${describeRatio(decodeRatio)}; ours ${mbps(oursDecode)}, libfdt ${mbps(libfdtDecode)} (medians); ${size}`,
      goal: judge(`median >= ${DECODE_GOAL}x`, decodeRatio.median >= DECODE_GOAL),
    },
    {
      name: `${label}: the same through the accessors (a view per value) / libfdt walk`,
      value: accessorsRatio.median,
      unit: 'x',
      notes: `median ratio of rounds ${describeRatio(accessorsRatio)}; ours ${mbps(oursAccessors)} (median); nodeName, propertyName, propertyValue per item`,
    },
    {
      name: `${label}: readFdt index build / libfdt walk`,
      value: indexRatio.median,
      unit: 'x',
      notes: `median ratio of rounds ${describeRatio(indexRatio)}; ours ${mbps(oursIndex)}, libfdt ${mbps(libfdtIndex)} (medians); does less work than the walk (names and values not decoded)`,
      goal: isLargest ? judge(`median >= ${INDEX_GOAL}x`, indexRatio.median >= INDEX_GOAL) : undefined,
    },
  ];
}

/** Runs the FDT bench over every tree size. */
export async function run(): Promise<BenchResult[]> {
  mkdirSync(buildDirectory, { recursive: true });
  const largest = Math.max(...TREE_SIZES);
  const results: BenchResult[] = [];
  for (const nodeCount of TREE_SIZES) results.push(...(await benchTreeSize(nodeCount, nodeCount === largest)));
  return results;
}
