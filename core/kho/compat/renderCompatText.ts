import type { CompatReport } from './judgeCompatibility';

/**
 * `khoscope compat` as text: one line per format (string, where, releases
 * that read it, and with a target its answer), then the overall answer and
 * what decided it; for a release newer than the catalogue, what is known
 * about it, part by part.
 */
export function renderCompatText(report: CompatReport): string {
  const lines: string[] = [];
  const width = Math.max(8, ...report.items.map((item) => item.id.length));
  for (const item of report.items) {
    const required = item.required === undefined ? '' : item.required ? ' (required)' : ' (not required)';
    const answer = item.answer === null ? '' : `  [${item.answer}]`;
    lines.push(`${item.id.padEnd(width)}  ${item.where}${required}: read by ${item.readers}${answer}`);
  }
  if (report.items.length === 0) lines.push('no KHO format found (no decoded root)');
  if (report.target !== null) {
    lines.push('');
    lines.push(`can ${report.target} take over from this image? ${report.answer}`);
    for (const reason of report.reasons) lines.push(`  ${reason}`);
    if (report.known.length > 0) {
      lines.push(`what is known about ${report.target}:`);
      for (const line of report.known) lines.push(`  ${line}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
