import type { RootVersion } from './model/RootVersion';

/**
 * The sub-decoders a composite root compatible versions on its own
 * (`kho-v4;block-v1;radix-v1;vmalloc-v1`, linux-mm RFC "kho: introduce
 * compatibility helpers", compat.h: parts in strict alphabetical order), and
 * the part versions each reads.
 */
export const ROOT_PARTS: Readonly<Record<string, { decoder: string; known: readonly number[] }>> = {
  block: { decoder: 'serialization blocks (kho_block_header_ser)', known: [1] },
  radix: { decoder: 'the radix-tree preserved-memory map', known: [1] },
  vmalloc: { decoder: 'vmalloc areas (kho_vmalloc)', known: [1] },
};

/**
 * What is off about the parts of a root compatible, in words: a part that is
 * not `name-vN`, a part khoscope has no decoder for, a part version its
 * decoder does not know (that sub-decoder then reads the newest layout it
 * knows), a repeated part, and parts out of the alphabetical order the
 * kernel writes them in. Empty for a plain `kho-vN`.
 */
export function rootPartProblems(version: RootVersion): string[] {
  const parts = version.compatible.split(';').slice(1);
  const problems: string[] = [];
  const names: string[] = [];
  for (const part of parts) {
    const match = /^([a-z0-9_-]+?)-v([0-9]{1,6})$/.exec(part);
    if (!match) {
      problems.push(`part "${part}" is not of the form name-vN`);
      continue;
    }
    const [, name, number] = match;
    if (names.includes(name)) problems.push(`part ${name} appears twice`);
    names.push(name);
    const sub = ROOT_PARTS[name];
    if (!sub) problems.push(`part "${part}" names nothing khoscope decodes`);
    else if (!sub.known.includes(Number(number))) {
      const newest = Math.max(...sub.known);
      problems.push(`${part}: khoscope reads ${sub.decoder} as ${name}-v${newest} only; decoded with that layout`);
    }
  }
  const sorted = [...names].sort();
  if (names.some((name, i) => name !== sorted[i]))
    problems.push(`parts are not in alphabetical order (${names.join(', ')}), as the kernel writes them`);
  return problems;
}
