import { describe, expect, it } from 'vitest';
import { formatBenchValue, formatResultsTable } from './formatResultsTable';

describe('formatBenchValue', () => {
  it('picks a precision by magnitude', () => {
    expect([42, 1234.567, 12.3456, 0.012345].map(formatBenchValue)).toEqual(['42', '1234.6', '12.35', '0.0123']);
  });
});

describe('formatResultsTable', () => {
  it('aligns columns, right-aligns values and shows failures', () => {
    const table = formatResultsTable([
      {
        name: 'fdt-index',
        durationMs: 1,
        results: [
          { name: '1k nodes: readFdt', value: 812.34, unit: 'MB/s', notes: 'best run' },
          { name: 'ratio', value: 2.5, unit: 'x' },
        ],
      },
      { name: 'scan', durationMs: 1, results: [], error: 'boom' },
    ]);
    expect(table.split('\n')).toEqual([
      'bench      result             value  unit  notes',
      '---------  -----------------  -----  ----  --------',
      'fdt-index  1k nodes: readFdt  812.3  MB/s  best run',
      'fdt-index  ratio               2.50  x',
      'scan       FAILED                          boom',
    ]);
  });
});
