import { describe, expect, it } from 'vitest';
import { formatBenchValue, formatResultsTable, missedGoals } from './formatResultsTable';

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
      'bench      result             value  unit  goal  notes',
      '---------  -----------------  -----  ----  ----  --------',
      'fdt-index  1k nodes: readFdt  812.3  MB/s        best run',
      'fdt-index  ratio               2.50  x',
      'scan       FAILED                                boom',
    ]);
  });

  it('shows goals as met or MISSED, lists the missed ones, and gives the load around each bench', () => {
    const outcomes = [
      {
        name: 'cli',
        durationMs: 1,
        load: { before: 1.25, after: 2 },
        results: [
          { name: 'dts', value: 2, unit: 'x', goal: { text: 'median >= 1.5x', met: true } },
          { name: 'start-up', value: 4, unit: 'x', goal: { text: 'median <= 3x', met: false } },
        ],
      },
    ];
    const lines = formatResultsTable(outcomes).split('\n');
    expect(lines[2]).toContain('met: median >= 1.5x');
    expect(lines[3]).toContain('MISSED: median <= 3x');
    expect(lines[4]).toMatch(/cli +load average \(1 min\) +1\.3 before, 2\.0 after/);
    expect(missedGoals(outcomes)).toEqual(['cli: start-up 4 x (goal median <= 3x)']);
  });
});
