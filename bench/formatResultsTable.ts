import type { BenchOutcome } from './BenchOutcome';

const HEADER = ['bench', 'result', 'value', 'unit', 'goal', 'notes'];

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

/** A goal as the table shows it: `met: <goal>` or `MISSED: <goal>`; empty without one. */
function goalCell(result: BenchOutcome['results'][number]): string {
  if (!result.goal) return '';
  return `${result.goal.met ? 'met' : 'MISSED'}: ${result.goal.text}`;
}

/** One line per missed goal (`bench: result value unit (goal)`), for the end of a run and `--check`. */
export function missedGoals(outcomes: readonly BenchOutcome[]): string[] {
  return outcomes.flatMap((outcome) =>
    outcome.results
      .filter((result) => result.goal && !result.goal.met)
      .map(
        (result) =>
          `${outcome.name}: ${result.name} ${formatBenchValue(result.value)} ${result.unit} (goal ${result.goal?.text})`,
      ),
  );
}

/**
 * Renders bench outcomes as a plain-text table, one row per figure and one
 * `FAILED` row per bench that failed, with each bench's load average before
 * and after it. Values are right-aligned so figures of one unit can be
 * compared down the column; a goal shows as met or MISSED.
 */
export function formatResultsTable(outcomes: readonly BenchOutcome[]): string {
  const rows: string[][] = [];
  for (const outcome of outcomes) {
    for (const result of outcome.results) {
      rows.push([
        outcome.name,
        result.name,
        formatBenchValue(result.value),
        result.unit,
        goalCell(result),
        result.notes ?? '',
      ]);
    }
    if (outcome.error !== undefined) rows.push([outcome.name, 'FAILED', '', '', '', outcome.error]);
    if (outcome.load)
      rows.push([
        outcome.name,
        'load average (1 min)',
        '',
        '',
        '',
        `${outcome.load.before.toFixed(1)} before, ${outcome.load.after.toFixed(1)} after`,
      ]);
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
