import type { FdtDocument } from '../core/fdt/FdtDocument';
import { readFdt } from '../core/fdt/readFdt';
import { writeFdt } from '../core/fdt/writeFdt';
import { defaultMemoryLimits } from '../core/mem/OpenImageOptions';
import type { FuzzInput } from './FuzzInput';
import { type NamedBytes, packFiles } from './fileSet';
import { mutateBytes, U64_LIES } from './mutate';
import type { Rng } from './Rng';
import { seedSets } from './seedSets';

/** Folders a set's files may sit in (all files of a set must share one). */
const PREFIXES = ['', 'kho/out/', 'out/', '/sys/kernel/debug/kho/out/', './', 'kho\\out\\'];

/** Child names that test the name rules: path parts, empty, long, unicode, NUL, names of other files. */
const ODD_NAMES = [
  '..',
  '.',
  '',
  'x'.repeat(300),
  'ü-名前-\u202e',
  'a b',
  'a\0b',
  'a\\b',
  'fdt',
  'sub_fdts',
  'cmdline',
  'not-referenced',
  '-',
  'memblock~2',
  'memblock.d',
];

const encoder = new TextEncoder();

/** Text lines as a file. */
function lines(values: readonly string[], rng: Rng): Uint8Array {
  return encoder.encode(values.join(rng.chance(0.1) ? '\r\n' : '\n') + (rng.chance(0.8) ? '\n' : ''));
}

/** One line of a scratch list: what the kernel writes (`0x%llx`), or (`lying`) sometimes a lie or garbage. */
function scratchLine(rng: Rng, lying: boolean): string {
  switch (lying ? rng.below(8) : 3) {
    case 0:
      return `0x${rng.pick(U64_LIES).toString(16)}`;
    case 1:
      return rng.pick(['-0x1', '0x', '0x00000000000000001', '0xg', '1234', ' 0x10 ', '0x1 0x2', '\0', '0X10']);
    case 2:
      return `0x${(BigInt(rng.u32()) << 20n).toString(16)}`;
    default:
      return `0x${(rng.between(1, 0x8000) * 0x1000).toString(16)}`;
  }
}

/** `scratch_phys` and `scratch_len` (or 7.4's `bootmem_*`, or both namings), with as many or mismatched lines. */
function scratchFiles(rng: Rng): NamedBytes[] {
  const namings = rng.pick([['scratch'], ['bootmem'], ['scratch', 'bootmem']]);
  const files: NamedBytes[] = [];
  // Most lists are clean, so that the set opens and the areas are judged; the rest lie somewhere.
  const lying = rng.chance(0.4);
  for (const naming of namings) {
    const count = rng.pick([0, 1, 2, 4, 64]);
    const lenCount = rng.chance(0.8) ? count : rng.below(6);
    files.push({
      name: `${naming}_phys`,
      bytes: lines(
        Array.from({ length: count }, () => scratchLine(rng, lying)),
        rng,
      ),
    });
    if (rng.chance(0.9))
      files.push({
        name: `${naming}_len`,
        bytes: lines(
          Array.from({ length: lenCount }, () => scratchLine(rng, lying)),
          rng,
        ),
      });
  }
  return files;
}

/** A `cmdline` file: ordinary, long, binary, or with `reserve_mem=` entries that lie. */
function cmdlineFile(rng: Rng): NamedBytes {
  const lies = [
    'reserve_mem=16M:4096:kho_test',
    'reserve_mem=0:0:x',
    'reserve_mem=18446744073709551615:4096:huge',
    'reserve_mem=-1:1:neg',
    'reserve_mem=4K:3:odd_align',
    'reserve_mem=1G:2M:kho_test reserve_mem=1G:2M:kho_test',
    'reserve_mem=',
    'reserve_mem=:::',
    'kho=on kho_scratch=16M',
  ];
  switch (rng.below(4)) {
    case 0:
      return { name: 'cmdline', bytes: encoder.encode(`console=ttyS0 ${rng.pick(lies)} ${rng.pick(lies)}\n`) };
    case 1:
      return { name: 'cmdline', bytes: encoder.encode(`${rng.pick(lies)} `.repeat(rng.pick([100, 3000]))) };
    case 2: {
      const bytes = new Uint8Array(rng.pick([16, 4096, 70_000]));
      for (let i = 0; i < bytes.length; i++) bytes[i] = rng.below(256);
      return { name: 'cmdline', bytes };
    }
    default:
      return { name: 'cmdline', bytes: encoder.encode('console=ttyS0 kho=on\n') };
  }
}

/** The name of a `sub_fdts/<name>` path, or null for other files. */
function childName(path: string): string | null {
  return path.startsWith('sub_fdts/') ? path.slice('sub_fdts/'.length) : null;
}

/** The root FDT with one child node renamed (`force`: names dtc would refuse), or null when it cannot be read. */
function renameRootChild(bytes: Uint8Array, name: string, rng: Rng): Uint8Array | null {
  let doc: FdtDocument;
  try {
    doc = readFdt(bytes).toDocument();
  } catch {
    return null;
  }
  if (doc.root.children.length === 0) return null;
  const child = rng.pick(doc.root.children);
  const children = doc.root.children.map((node) => (node === child ? { ...node, name } : node));
  try {
    return writeFdt({ ...doc, root: { ...doc.root, children } }, { force: true });
  } catch {
    return null;
  }
}

/** `files` with those named like `pattern` replaced by `added`. */
function replaceFiles(files: NamedBytes[], pattern: RegExp, added: NamedBytes[]): void {
  const kept = files.filter((file) => !pattern.test(file.name));
  files.splice(0, files.length, ...kept, ...added);
}

/** One mutation of a set's files (names inside `kho/out`); says what it did. */
function mutateSet(files: NamedBytes[], rng: Rng): string {
  const children = files.filter((file) => childName(file.name) !== null);
  const root = files.find((file) => file.name === 'fdt');
  if (files.length === 0) return 'nothing';
  switch (rng.below(12)) {
    case 0:
    case 1: {
      const file = rng.pick(files);
      file.bytes = mutateBytes(file.bytes, rng, 3, 0);
      return `${file.name} bytes`;
    }
    case 2: {
      if (!root || root.bytes.length < 8) return 'nothing';
      // debugfs fixes the file's size at creation: a root that grew is cut (decodeBlobSet's prefix path).
      root.bytes = root.bytes.slice(0, rng.between(4, root.bytes.length - 1));
      return `fdt cut to ${root.bytes.length} bytes`;
    }
    case 3: {
      if (children.length === 0) return 'nothing';
      const file = rng.pick(children);
      const name = rng.chance(0.3) ? (childName(rng.pick(children).name) ?? '') : rng.pick(ODD_NAMES);
      file.name = `sub_fdts/${name}`;
      return `a child renamed '${name.slice(0, 20)}'`;
    }
    case 4: {
      if (files.length < 2) return 'nothing';
      const file = rng.pick(files);
      files.splice(files.indexOf(file), 1);
      return `${file.name} dropped`;
    }
    case 5: {
      const copy = rng.pick(files);
      const name = rng.chance(0.1)
        ? 'kho/in/fdt'
        : rng.pick([`sub_fdts/${rng.pick(ODD_NAMES)}`, 'sub_fdts/extra', 'garbage', 'sub_fdts/x/y']);
      files.push({ name, bytes: rng.chance(0.5) ? copy.bytes : mutateBytes(copy.bytes, rng, 8, 0) });
      return `${name.slice(0, 30)} added`;
    }
    case 6:
    case 7:
      // Replaced, not added twice (two files of one name are refused before anything is read).
      replaceFiles(files, /^(scratch|bootmem)_(phys|len)$/, scratchFiles(rng));
      return 'scratch lists';
    case 8:
      replaceFiles(files, /^cmdline$/, [cmdlineFile(rng)]);
      return 'cmdline';
    case 9: {
      // The root and a child swap places, or one stands for the other.
      if (!root || children.length === 0) return 'nothing';
      const child = rng.pick(children);
      [root.bytes, child.bytes] = rng.chance(0.5) ? [child.bytes, root.bytes] : [child.bytes, child.bytes];
      return `fdt and ${child.name} swapped`;
    }
    case 10: {
      // The root names a child no file has (or the name of another file): missing and unreferenced files.
      if (!root) return 'nothing';
      const renamed = renameRootChild(root.bytes, rng.chance(0.5) ? rng.pick(ODD_NAMES) : 'gone', rng);
      if (!renamed) return 'nothing';
      root.bytes = renamed;
      return 'a root child node renamed';
    }
    default: {
      // Past maxBlobs the set is refused before any file is read: the contents need not be whole.
      const many = rng.chance(0.2);
      const count = many ? defaultMemoryLimits.maxBlobs + 1 : rng.between(2, 64);
      const blob = many ? rng.pick(files).bytes.subarray(0, 16) : rng.pick(files).bytes;
      for (let i = 0; i < count; i++) files.push({ name: `sub_fdts/n${i}`, bytes: blob });
      return `${count} more children`;
    }
  }
}

/**
 * A KHO debugfs set made from a seed set: 0–3 mutations of its files (their
 * bytes, the root cut short, child names, files dropped or added, scratch
 * lists in either naming, a `cmdline`, the root swapped with a child, more
 * files than `maxBlobs`), all in one folder, or now and then one file in
 * another (`kho/out/fdt` beside `out/sub_fdts/x`).
 */
export function makeDebugfsSet(rng: Rng): FuzzInput {
  const seed = rng.pick(seedSets());
  const files = seed.files.map((file) => ({ ...file }));
  const what = [seed.name];
  const steps = rng.chance(0.05) ? 0 : rng.between(1, 3);
  for (let s = 0; s < steps; s++) what.push(mutateSet(files, rng));
  const prefix = rng.pick(PREFIXES);
  const named = files.map((file) => ({ name: prefix + file.name, bytes: file.bytes }));
  if (named.length > 1 && rng.chance(0.05)) {
    const file = rng.pick(named);
    file.name = `elsewhere/${file.name}`;
    what.push(`${file.name} in another folder`);
  }
  const packed = packFiles(named);
  return { what: what.join('; '), target: 'image', bytes: packed.bytes, files: packed.files };
}
