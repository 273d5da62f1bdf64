import { SeededRandom } from './SeededRandom';

/** DTS text for a synthetic tree, with the counts a full walk must find. */
export interface GeneratedDeviceTree {
  /** dtc input (`/dts-v1/;` source). */
  source: string;
  /** Nodes including the root. */
  nodes: number;
  properties: number;
}

/** Makes the DTS text of one property value. */
type ValueMaker = (random: SeededRandom) => string;

const hex = (value: number): string => `0x${value.toString(16)}`;
const cells =
  (min: number, max: number, valueMax = 0xffffffff): ValueMaker =>
  (random) =>
    `<${Array.from({ length: random.int(min, max) }, () => hex(random.int(0, valueMax))).join(' ')}>`;
const stringsFrom =
  (choices: readonly string[], min: number, max: number): ValueMaker =>
  (random) =>
    random
      .sample(choices, random.int(min, max))
      .map((text) => `"${text}"`)
      .join(', ');
const bytes =
  (min: number, max: number): ValueMaker =>
  (random) =>
    `[${Array.from({ length: random.int(min, max) }, () => random.int(0, 255).toString(16).padStart(2, '0')).join(' ')}]`;
/** Boolean properties (no value), written as `name;`. */
const empty: ValueMaker = () => '';

const COMPATIBLES = [
  'arm,pl011',
  'arm,primecell',
  'arm,gic-400',
  'arm,armv8-timer',
  'snps,dw-apb-uart',
  'snps,dwc3',
  'fsl,imx8mq-gpio',
  'fsl,imx35-gpio',
  'qcom,sdhci-msm-v5',
  'rockchip,rk3399-i2c',
  'brcm,bcm2711-pcie',
  'simple-bus',
  'syscon',
  'regulator-fixed',
  'gpio-leds',
  'fixed-clock',
  'linux,kho-v1',
  'memblock-v1',
];
const NAMES_OF_THINGS = ['default', 'sleep', 'core', 'bus', 'apb', 'ahb', 'ref', 'suspend', 'idle', 'ctrl', 'phy'];

/** Property names shared by every node, each with a value of a typical shape and size. */
const PROPERTY_VOCABULARY: ReadonlyArray<readonly [string, ValueMaker]> = [
  ['compatible', stringsFrom(COMPATIBLES, 1, 3)],
  ['reg', cells(2, 4)],
  ['status', stringsFrom(['okay', 'disabled'], 1, 1)],
  ['interrupts', cells(3, 3, 255)],
  ['#address-cells', cells(1, 1, 2)],
  ['#size-cells', cells(1, 1, 2)],
  ['#interrupt-cells', cells(1, 1, 3)],
  ['clock-names', stringsFrom(NAMES_OF_THINGS, 1, 3)],
  ['reg-names', stringsFrom(NAMES_OF_THINGS, 1, 2)],
  ['pinctrl-names', stringsFrom(NAMES_OF_THINGS, 1, 2)],
  ['label', stringsFrom(['uart0', 'uart3', 'i2c-sensors', 'emmc', 'user-led', 'kho-scratch'], 1, 1)],
  ['device_type', stringsFrom(['cpu', 'memory', 'pci'], 1, 1)],
  ['ranges', empty],
  ['dma-coherent', empty],
  ['interrupt-controller', empty],
  ['gpio-controller', empty],
  ['clock-frequency', cells(1, 1)],
  ['bus-width', cells(1, 1, 8)],
  ['max-frequency', cells(1, 1)],
  ['local-mac-address', bytes(6, 6)],
  ['vendor,calibration-data', bytes(16, 128)],
  ['preserved-memory-map', cells(2, 2)],
  ['fdt', cells(2, 2)],
  ['linux,code', cells(1, 1, 0x2ff)],
];

const NODE_BASE_NAMES = [
  'cpu',
  'memory',
  'interrupt-controller',
  'serial',
  'i2c',
  'spi',
  'gpio',
  'clock-controller',
  'regulator',
  'pinctrl',
  'usb',
  'ethernet',
  'mmc',
  'pcie',
  'timer',
  'watchdog',
  'dma-controller',
  'power-domain',
  'sensor',
  'led',
  'codec',
  'phy',
  'mailbox',
  'reset-controller',
  'sram',
  'memblock',
  'preserved-region',
];

/** Depth limit of the generated trees; real device trees rarely go beyond a handful of levels. */
const MAX_DEPTH = 12;

/** Chance that a node nests under the node generated just before it. */
const NEST_UNDER_PREVIOUS = 0.2;
/** Chance that a node becomes the next sibling of the node generated just before it. */
const FOLLOW_AS_SIBLING = 0.5;
/** Per-level acceptance factor when attaching to a random earlier node: shallow nodes collect more children. */
const SHALLOW_BIAS = 0.35;

/**
 * Picks each node's parent so the tree mixes short chains, wide sibling lists
 * and scattered branches, with most nodes a few levels down and a thinning
 * tail to MAX_DEPTH (at 100k nodes: most at depth 3-6, the widest node ~140
 * children). Returns each node's children, in generation order.
 */
function generateChildLists(nodeCount: number, random: SeededRandom): number[][] {
  const parent = new Int32Array(nodeCount);
  const depth = new Uint8Array(nodeCount);
  const children: number[][] = Array.from({ length: nodeCount }, () => []);
  for (let node = 1; node < nodeCount; node++) {
    const previous = node - 1;
    const roll = random.next();
    let chosen: number;
    if (roll < NEST_UNDER_PREVIOUS && depth[previous] < MAX_DEPTH) chosen = previous;
    else if (roll < NEST_UNDER_PREVIOUS + FOLLOW_AS_SIBLING && previous !== 0) chosen = parent[previous];
    else {
      // The root is always accepted, so this ends.
      do chosen = random.int(0, previous);
      while (depth[chosen] >= MAX_DEPTH || random.next() >= SHALLOW_BIAS ** depth[chosen]);
    }
    parent[node] = chosen;
    depth[node] = depth[chosen] + 1;
    children[chosen].push(node);
  }
  return children;
}

/**
 * Generates the DTS source of a realistic-looking tree with `nodeCount` nodes:
 * mixed depths, 3–8 properties per node drawn from one shared vocabulary
 * (strings, cells, byte arrays, booleans of typical sizes). Deterministic for
 * a given seed.
 */
export function generateDeviceTreeSource(nodeCount: number, seed: number): GeneratedDeviceTree {
  if (!Number.isInteger(nodeCount) || nodeCount < 1)
    throw new Error(`node count must be a positive integer, got ${nodeCount}`);
  const random = new SeededRandom(seed);
  const children = generateChildLists(nodeCount, random);
  const chunks: string[] = ['/dts-v1/;\n\n'];
  let properties = 0;

  const emit = (node: number, name: string, indent: string): void => {
    chunks.push(`${indent}${name} {\n`);
    for (const [propertyName, makeValue] of random.sample(PROPERTY_VOCABULARY, random.int(3, 8))) {
      const value = makeValue(random);
      chunks.push(value === '' ? `${indent}\t${propertyName};\n` : `${indent}\t${propertyName} = ${value};\n`);
      properties++;
    }
    children[node].forEach((child, siblingIndex) => {
      const base = random.pick(NODE_BASE_NAMES);
      // Unit addresses derive from the sibling index, so sibling names never collide.
      const childName =
        random.next() < 0.8 ? `${base}@${((siblingIndex + 1) * 0x1000).toString(16)}` : `${base}-${siblingIndex}`;
      emit(child, childName, `${indent}\t`);
    });
    chunks.push(`${indent}};\n`);
  };
  emit(0, '/', '');
  return { source: chunks.join(''), nodes: nodeCount, properties };
}
