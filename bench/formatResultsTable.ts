import type { BenchOutcome } from './BenchOutcome';

const HEADER = ['bench', 'result', 'value', 'unit', 'notes'];

/**
 * Shows a figure with a precision that suits its size: integers as they are,
 * large figures with one decimal, small ones with three significant digits.
 */
export function formatBenchValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/**
 * Renders bench outcomes as a plain-text table, one row per figure and one
 * `FAILED` row per bench that failed. Values are right-aligned so figures of
 * one unit can be compared down the column.
 */
export function formatResultsTable(outcomes: readonly BenchOutcome[]): string {
  const rows: string[][] = [];
  for (const outcome of outcomes) {
    for (const result of outcome.results) {
      rows.push([outcome.name, result.name, formatBenchValue(result.value), result.unit, result.notes ?? '']);
    }
    if (outcome.error !== undefined) rows.push([outcome.name, 'FAILED', '', '', outcome.error]);
  }
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const render = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(HEADER), rule, ...rows.map(render)].join('\n');
}
