/** File-name suffix that marks a module in bench/ as a benchmark. */
export const BENCH_FILE_SUFFIX = '.bench.ts';

/** One discovered benchmark module. */
export interface BenchEntry {
  /** Name used on the command line and in the results: the file name without the suffix. */
  name: string;
  fileName: string;
}

/**
 * Turns a directory listing into the benches to run, in name order.
 *
 * With no requested names every bench runs; otherwise only the requested ones,
 * in the order given. An unknown name is an error (listing what exists) rather
 * than a silent no-op, so a typo cannot pass for a successful run.
 */
export function selectBenches(fileNames: readonly string[], requested: readonly string[]): BenchEntry[] {
  const available = fileNames
    .filter((fileName) => fileName.endsWith(BENCH_FILE_SUFFIX))
    .map((fileName) => ({ name: fileName.slice(0, -BENCH_FILE_SUFFIX.length), fileName }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (requested.length === 0) return available;
  const byName = new Map(available.map((entry) => [entry.name, entry]));
  const unknown = requested.filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    const known = available.map((entry) => entry.name).join(', ') || '(none)';
    throw new Error(`unknown bench ${unknown.join(', ')}; available: ${known}`);
  }
  return [...new Set(requested)].map((name) => byName.get(name)!);
}
