import { describe, expect, it } from 'vitest';
import { selectBenches } from './selectBenches';

const listing = ['run.ts', 'scan.bench.ts', 'fdt-index.bench.ts', 'BenchResult.ts', 'build', 'preserved-map.bench.ts'];

describe('selectBenches', () => {
  it('finds every *.bench.ts, sorted by name, when none are requested', () => {
    expect(selectBenches(listing, []).map((entry) => entry.name)).toEqual(['fdt-index', 'preserved-map', 'scan']);
  });

  it('keeps only the requested benches, in the order given, without duplicates', () => {
    expect(selectBenches(listing, ['scan', 'fdt-index', 'scan'])).toEqual([
      { name: 'scan', fileName: 'scan.bench.ts' },
      { name: 'fdt-index', fileName: 'fdt-index.bench.ts' },
    ]);
  });

  it('rejects an unknown name and lists the available ones', () => {
    expect(() => selectBenches(listing, ['fdt-indx'])).toThrow(
      'unknown bench fdt-indx; available: fdt-index, preserved-map, scan',
    );
  });
});
