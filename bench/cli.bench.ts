// Whole processes, as a user runs them, against the peers: `khoscope dts` against
// `dtc -I dtb -O dts` and fdtdump on the 1k- and 100k-node blobs of the
// fdt-index bench, and CLI start-up (`khoscope --help`, and `tree --root` on the real
// 7.3 dump when ../shared has it) against `node -e 0`.
// Sides alternate run by run; CPU (user + system) and peak RSS come from GNU
// time; goals are judged on the median of the per-round ratios.
//
// khoscope runs as a bundled CLI (bench/bundleCli.ts): the form a package
// ships. The checkout's `bin/khoscope.js`, which starts tsx and compiles the
// TypeScript first, is measured too, without goals.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternateRuns, describeRatio, median, roundRatios } from './alternateRuns';
import { type BenchResult, judge } from './BenchResult';
import { bundleCli } from './bundleCli';
import { compileDeviceTree } from './compileDeviceTree';
import { generateDeviceTreeSource } from './generateDeviceTreeSource';
import { measureProcess, type ProcessCost } from './measureProcess';
import { emptyFdtDocument, writeFdt } from '../core/fdt';
import { linuxFixturesPresent, unpackedLinuxFixture } from '../core/mem/testing/NodeSharedFixtures';

const buildDirectory = fileURLToPath(new URL('./build/', import.meta.url));
const checkoutCli = fileURLToPath(new URL('../bin/khoscope.js', import.meta.url));
const TREE_SEED = 0x6b686f;
const DTC = '/usr/bin/dtc';
const FDTDUMP = '/usr/bin/fdtdump';

/** `khoscope dts` on 100k nodes: dtc's CPU time over ours at least this... */
const DTS_SPEED_GOAL = 1.5;
/** ...with our peak RSS at most this times dtc's. */
const DTS_RSS_GOAL = 1.5;
/** On 1k nodes (start-up is all of it): our CPU time at most this times dtc's. */
const SMALL_DTS_GOAL = 3;
/** `khoscope --help` CPU time at most this times `node -e 0` (the package issue's goal). */
const STARTUP_GOAL = 2;
/** `khoscope tree --root 0x23a000` on the real 528 MiB dump: CPU time at most this times `node -e 0`. */
const REAL_TREE_GOAL = 3;
/** The kho-v4 root of the linux-7.3 fixture (fixtures/linux-7.3/README.md). */
const REAL_ROOT = '0x23a000';

const node = process.execPath;
const cpu = (costs: ProcessCost[]): number[] => costs.map((cost) => cost.cpuSeconds);
const rss = (costs: ProcessCost[]): number[] => costs.map((cost) => cost.peakRssBytes);
const seconds = (costs: ProcessCost[]): string => `${median(cpu(costs)).toFixed(3)} s`;
const mebibytes = (costs: ProcessCost[]): string => `${(median(rss(costs)) / 2 ** 20).toFixed(0)} MiB`;

/** The dtb of the fdt-index bench's tree of `nodeCount` nodes (compiled here if missing). */
function blobPath(nodeCount: number): string {
  const stem = join(buildDirectory, `fdt-index-${nodeCount / 1000}k`);
  compileDeviceTree(generateDeviceTreeSource(nodeCount, TREE_SEED).source, `${stem}.dts`, `${stem}.dtb`);
  return `${stem}.dtb`;
}

/** dts against dtc and fdtdump on the 100k-node blob. */
async function largeDts(cli: string): Promise<BenchResult[]> {
  const dtb = blobPath(100_000);
  const [ours, dtc, fdtdump, checkout] = await alternateRuns(
    [
      () => measureProcess(node, [cli, 'dts', dtb]),
      () => measureProcess(DTC, ['-q', '-I', 'dtb', '-O', 'dts', dtb]),
      () => measureProcess(FDTDUMP, [dtb]),
      () => measureProcess(node, [checkoutCli, 'dts', dtb]),
    ],
    7,
  );
  const speed = roundRatios(cpu(dtc), cpu(ours));
  const memory = roundRatios(rss(ours), rss(dtc));
  const versusFdtdump = roundRatios(cpu(fdtdump), cpu(ours));
  const checkoutSpeed = roundRatios(cpu(dtc), cpu(checkout));
  const figures = `khoscope ${seconds(ours)} ${mebibytes(ours)}, dtc ${seconds(dtc)} ${mebibytes(dtc)}, fdtdump ${seconds(fdtdump)} ${mebibytes(fdtdump)} (median CPU, RSS)`;
  return [
    {
      name: 'dts 100k nodes: dtc CPU / khoscope CPU',
      value: speed.median,
      unit: 'x',
      notes: `${describeRatio(speed)}; ${figures}; 14.2 MB blob`,
      goal: judge(`median >= ${DTS_SPEED_GOAL}x`, speed.median >= DTS_SPEED_GOAL),
    },
    {
      name: 'dts 100k nodes: khoscope peak RSS / dtc',
      value: memory.median,
      unit: 'x',
      notes: describeRatio(memory),
      goal: judge(`median <= ${DTS_RSS_GOAL}x`, memory.median <= DTS_RSS_GOAL),
    },
    {
      name: 'dts 100k nodes: fdtdump CPU / khoscope CPU',
      value: versusFdtdump.median,
      unit: 'x',
      notes: `${describeRatio(versusFdtdump)}; fdtdump prints every value as cells or a string, no type guess`,
    },
    {
      name: 'dts 100k nodes, checkout bin/khoscope.js (tsx): dtc CPU / khoscope CPU',
      value: checkoutSpeed.median,
      unit: 'x',
      notes: `${describeRatio(checkoutSpeed)}; ${seconds(checkout)}, ${mebibytes(checkout)}: tsx compiles the CLI at every start`,
    },
  ];
}

/**
 * dts against dtc on the 1k-node blob: start-up is the whole cost. Beside
 * them, `node -e 0` and `khoscope dts` on a blob with an empty root, to split
 * our CPU time into Node's own start-up, loading the CLI and the dts
 * command, and the work on 1,000 nodes.
 */
async function smallDts(cli: string): Promise<BenchResult[]> {
  const dtb = blobPath(1_000);
  const emptyDtb = join(buildDirectory, 'empty-root.dtb');
  writeFileSync(emptyDtb, writeFdt(emptyFdtDocument()));
  const [ours, dtc, empty, bare] = await alternateRuns(
    [
      () => measureProcess(node, [cli, 'dts', dtb]),
      () => measureProcess(DTC, ['-q', '-I', 'dtb', '-O', 'dts', dtb]),
      () => measureProcess(node, [cli, 'dts', emptyDtb]),
      () => measureProcess(node, ['-e', '0']),
    ],
    15,
  );
  // GNU time counts in 10 ms ticks: dtc's run often shows 0, so its median is floored at one tick.
  const tick = 0.01;
  const ratio = median(cpu(ours)) / Math.max(tick, median(cpu(dtc)));
  const at = (costs: ProcessCost[]): number => median(cpu(costs));
  const split = `node -e 0 ${at(bare).toFixed(3)} s; + loading the CLI and its dts command (dts of an empty root) ${(at(empty) - at(bare)).toFixed(3)} s; + reading and printing 1,000 nodes ${(at(ours) - at(empty)).toFixed(3)} s`;
  return [
    {
      name: 'dts 1k nodes: khoscope CPU / dtc CPU',
      value: ratio,
      unit: 'x',
      notes: `medians: khoscope ${seconds(ours)}, dtc ${seconds(dtc)} (time counts 10 ms ticks; dtc floored at one tick, so the real ratio is higher); 15 rounds`,
      goal: judge(`<= ${SMALL_DTS_GOAL}x`, ratio <= SMALL_DTS_GOAL),
    },
    {
      name: 'dts 1k nodes: where khoscope CPU goes',
      value: at(ours),
      unit: 's CPU',
      notes: `medians of 15 alternating rounds: ${split}`,
    },
  ];
}

/** `khoscope --help` against `node -e 0`. */
async function startup(cli: string): Promise<BenchResult[]> {
  const [ours, bare, checkout] = await alternateRuns(
    [
      () => measureProcess(node, [cli, '--help']),
      () => measureProcess(node, ['-e', '0']),
      () => measureProcess(node, [checkoutCli, '--help']),
    ],
    15,
  );
  const tick = 0.01;
  const ratio = median(cpu(ours)) / Math.max(tick, median(cpu(bare)));
  const checkoutRatio = median(cpu(checkout)) / Math.max(tick, median(cpu(bare)));
  return [
    {
      name: 'start-up: khoscope --help CPU / node -e 0',
      value: ratio,
      unit: 'x',
      notes: `medians: khoscope ${seconds(ours)} ${mebibytes(ours)}, node -e 0 ${seconds(bare)} ${mebibytes(bare)}; 15 rounds`,
      goal: judge(`<= ${STARTUP_GOAL}x`, ratio <= STARTUP_GOAL),
    },
    {
      name: 'start-up, checkout bin/khoscope.js (tsx): --help CPU / node -e 0',
      value: checkoutRatio,
      unit: 'x',
      notes: `median ${seconds(checkout)} ${mebibytes(checkout)}`,
    },
  ];
}

/**
 * `khoscope tree --root ADDR` on the real 7.3 dump (528 MiB ELF core) against
 * `node -e 0`: with the root given, only the tree's pages are read (about
 * 0.5 MiB), so start-up and decoding are the whole cost.
 */
async function realTree(cli: string): Promise<BenchResult[]> {
  if (!linuxFixturesPresent('the real-dump tree --root start-up bench')) return [];
  const image = await unpackedLinuxFixture('pre-kexec.elf');
  const [ours, bare] = await alternateRuns(
    [() => measureProcess(node, [cli, 'tree', image, '--root', REAL_ROOT]), () => measureProcess(node, ['-e', '0'])],
    15,
  );
  const tick = 0.01;
  const ratio = median(cpu(ours)) / Math.max(tick, median(cpu(bare)));
  return [
    {
      name: `tree --root ${REAL_ROOT} on the real 528 MiB dump: CPU / node -e 0`,
      value: ratio,
      unit: 'x',
      notes: `medians: khoscope ${seconds(ours)} ${mebibytes(ours)}, node -e 0 ${seconds(bare)} ${mebibytes(bare)}; 15 rounds`,
      goal: judge(`<= ${REAL_TREE_GOAL}x`, ratio <= REAL_TREE_GOAL),
    },
  ];
}

/** Runs every whole-process comparison. */
export async function run(): Promise<BenchResult[]> {
  const cli = await bundleCli();
  return [...(await largeDts(cli)), ...(await smallDts(cli)), ...(await startup(cli)), ...(await realTree(cli))];
}
