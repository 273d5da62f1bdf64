import type { PhysRange } from '../../mem/PhysicalMemory';
import { hex } from '../../bytes/readers';
import type { ProblemLog } from './MapProblem';
import type { PreservedRanges } from './PreservedRanges';

/**
 * Logs a problem for every part of the preserved ranges that lies outside
 * the image's RAM (a preserved block in a hole usually means a misread map or
 * a wrong page size). Both lists are sorted, so one merge-like sweep does it.
 */
export function reportRangesOutsideRam(
  preserved: PreservedRanges,
  ram: readonly PhysRange[],
  problems: ProblemLog,
): void {
  let r = 0;
  for (let i = 0; i < preserved.count; i++) {
    let at = preserved.start(i);
    const end = preserved.end(i);
    while (at < end) {
      while (r < ram.length && ram[r].end <= at) r++;
      const next = r < ram.length ? ram[r] : undefined;
      if (next === undefined || next.start >= end) {
        problems.add(at, 'preserved block', `preserved memory [${hex(at)}, ${hex(end)}) lies outside the image's RAM`);
        break;
      }
      if (next.start > at) {
        problems.add(
          at,
          'preserved block',
          `preserved memory [${hex(at)}, ${hex(next.start)}) lies outside the image's RAM`,
        );
      }
      at = next.end;
    }
  }
}
