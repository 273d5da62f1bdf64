import { makeDebugfsSet } from './debugfsSets';
import { makeDtb } from './dtbLies';
import type { FuzzInput } from './FuzzInput';
import { makeGiant } from './giants';
import { tellLies } from './lies';
import { mutateBytes, mutateDtsText } from './mutate';
import { memo } from './memo';
import { Rng } from './Rng';
import { prepareSeedSets } from './seedSets';
import { realKernelElf, seedDtsTexts, seedFdts, seedImages, type SeedImage } from './seeds';
import { elfFile, kdumpFile, rawFile } from '../core/mem/testing/NodeContainerImages';
import { flattenStream, type TestCompression } from '../core/mem/testing/NodeKdumpBuilder';

/** A family of inputs: one way of making them from a seeded generator. */
export interface FuzzFamily {
  name: string;
  /** Makes what `make` needs that takes asynchronous work (decoding the demos), once per process. */
  prepare?(): Promise<void>;
  make(rng: Rng): FuzzInput;
}

/** Most raw bytes taken from a demo (the broken demo spans 30 MiB). */
const RAW_BYTES = 1 << 20;

function elfFamily(elfClass: 32 | 64, littleEndian: boolean): FuzzFamily {
  return {
    name: `elf${elfClass}${littleEndian ? 'le' : 'be'}`,
    make(rng) {
      if (elfClass === 64 && littleEndian && rng.chance(0.2)) {
        const real = realKernelElf();
        return {
          what: 'Linux 7.3.4 carved',
          target: 'image',
          bytes: rng.chance(0.05) ? real.slice() : mutateBytes(real, rng),
        };
      }
      const seed = rng.pick(seedImages());
      const tail = rng.chance(0.3) ? rng.pick([4096, 1 << 20]) : 0;
      const bytes = memo(`${seed.name} elf${elfClass} ${littleEndian} ${tail}`, () =>
        elfFile(seed, elfClass, littleEndian, tail),
      );
      return { what: seed.name, target: 'image', bytes: rng.chance(0.05) ? bytes.slice() : mutateBytes(bytes, rng) };
    },
  };
}

function kdumpFamily(compression: TestCompression): FuzzFamily {
  return {
    name: `kdump-${compression}`,
    make(rng) {
      const seed = rng.pick(seedImages());
      const littleEndian = rng.chance(0.8);
      const wordSize = rng.chance(0.8) ? 8 : 4;
      const bytes = memo(`${seed.name} kdump ${compression} ${littleEndian} ${wordSize}`, () =>
        kdumpFile(seed, compression, { littleEndian, wordSize }),
      );
      return {
        what: seed.name,
        target: 'image',
        bytes: rng.chance(0.05) ? bytes.slice() : mutateBytes(bytes, rng, 8, 16384),
      };
    },
  };
}

/** A demo in a random container (for the lies, which are about the tree, not the file). */
function anyContainer(seed: SeedImage, rng: Rng): { bytes: Uint8Array; base?: number; container: string } {
  switch (rng.below(4)) {
    case 0:
      return { bytes: elfFile(seed, 32, rng.chance(0.5)), container: 'ELF32' };
    case 1:
      return { bytes: kdumpFile(seed, rng.pick(['zlib', 'lzo', 'snappy', 'none'] as const)), container: 'kdump' };
    case 2:
      return { ...rawFile(seed, RAW_BYTES), container: 'raw' };
    default:
      return { bytes: elfFile(seed, 64, true), container: 'ELF64' };
  }
}

/** Every family, in the order the summary lists them. */
export const FAMILIES: readonly FuzzFamily[] = [
  elfFamily(64, true),
  elfFamily(64, false),
  elfFamily(32, true),
  elfFamily(32, false),
  {
    name: 'raw',
    make(rng) {
      const seed = rng.pick(seedImages());
      const { bytes, base } = memo(`${seed.name} raw`, () => rawFile(seed, RAW_BYTES));
      return { what: seed.name, target: 'image', base, bytes: mutateBytes(bytes, rng, 16, 0) };
    },
  },
  kdumpFamily('zlib'),
  kdumpFamily('lzo'),
  kdumpFamily('snappy'),
  kdumpFamily('none'),
  {
    name: 'flattened',
    make(rng) {
      const seed = rng.pick(seedImages());
      const kdump = rng.chance(0.6);
      const compression = rng.pick(['zlib', 'lzo', 'snappy', 'none'] as const);
      const inner = kdump
        ? memo(`${seed.name} kdump ${compression} true 8`, () =>
            kdumpFile(seed, compression, { littleEndian: true, wordSize: 8 }),
          )
        : memo(`${seed.name} elf64 true 0`, () => elfFile(seed, 64, true));
      const bytes = flattenStream(inner, { recordBytes: rng.pick([512, 4096, 65536]), reverse: rng.chance(0.3) });
      return {
        what: `${seed.name} ${kdump ? 'kdump' : 'ELF'} flattened`,
        target: 'image',
        bytes: mutateBytes(bytes, rng, 8, 8192),
      };
    },
  },
  { name: 'dtb', make: makeDtb },
  { name: 'debugfs', prepare: prepareSeedSets, make: makeDebugfsSet },
  {
    name: 'fdt',
    make(rng) {
      const blob = rng.pick(seedFdts());
      return { what: 'demo FDT', target: 'fdt', bytes: rng.chance(0.05) ? blob : mutateBytes(blob, rng, 3, 0) };
    },
  },
  {
    name: 'dts',
    make(rng) {
      const text = mutateDtsText(rng.pick(seedDtsTexts()), rng, 3);
      return { what: 'demo DTS', target: 'dts', bytes: new TextEncoder().encode(text) };
    },
  },
  {
    name: 'kho-lies',
    make(rng) {
      const lied = tellLies(rng.pick(seedImages()), rng);
      const { bytes, base, container } = anyContainer(lied.seed, rng);
      return { what: `${lied.seed.name} ${container}: ${lied.what}`, target: 'image', bytes, base };
    },
  },
  { name: 'giants', make: makeGiant },
];

/** Runs the `prepare` of every family named (all by default): before the first `makeInput` of a process. */
export async function prepareFamilies(names?: readonly string[]): Promise<void> {
  for (const family of FAMILIES) if (!names || names.includes(family.name)) await family.prepare?.();
}

/** Input `index` of `family` under `seed`: the same on every run (`prepareFamilies` first). */
export function makeInput(family: string, seed: number, index: number): FuzzInput {
  const found = FAMILIES.find((f) => f.name === family);
  if (!found) throw new Error(`no fuzz family ${family}`);
  return found.make(Rng.forInput(family, seed, index));
}
