import { hex } from '../../bytes/readers';
import type { RootCandidate, RootScanResult } from '../../kho/discover';

/** What `khoscope scan` prints about one image. */
export interface ScanReport {
  image: string;
  container: string;
  pageSize: number;
  /** Roots given with --root, validated. */
  given: RootCandidate[];
  scan: RootScanResult | null;
}

/** A candidate as plain JSON data: the decoded map is summarised, not dumped. */
function candidateJson(c: RootCandidate) {
  return {
    address: hex(c.address),
    size: c.size,
    compatible: c.compatible,
    how: c.how,
    rank: c.rank,
    reasons: c.reasons,
    fdtPages: c.fdtPages.map((a) => hex(a)),
    anchorPages: c.anchorPages.map((a) => hex(a)),
    preservedMemoryMap: c.mapAddress === null ? null : hex(c.mapAddress),
    map:
      c.map === null
        ? null
        : {
            encoding: c.map.encoding,
            status: c.map.status,
            blocks: c.map.blockCount,
            preservedBytes: c.map.ranges.totalBytes,
            problems: c.map.problems.length + c.map.droppedProblems,
          },
  };
}

/** The report as JSON text (addresses as `0x…` strings). */
export function scanReportJson(report: ScanReport): string {
  const scan = report.scan;
  return `${JSON.stringify(
    {
      image: report.image,
      container: report.container,
      pageSize: report.pageSize,
      candidates: [...report.given, ...(scan?.candidates ?? [])].map(candidateJson),
      fdts: (scan?.fdts ?? []).map((f) => ({ ...f, address: hex(f.address) })),
      rejected: (scan?.rejected ?? []).map((r) => ({ ...r, address: hex(r.address) })),
      problems: (scan?.problems ?? []).map((p) => ({ ...p, address: hex(p.address) })),
      bytesScanned: scan?.bytesScanned ?? 0,
      bytesSkipped: scan?.bytesSkipped ?? 0,
    },
    null,
    2,
  )}\n`;
}

/** The report as a table: one row per candidate, its reasons below it, then the other findings. */
export function scanReportTable(report: ScanReport): string {
  const lines: string[] = [`${report.image}: ${report.container} image, ${report.pageSize}-byte pages`];
  const scan = report.scan;
  if (scan)
    lines.push(
      scan.bytesSkipped === 0
        ? `scanned ${scan.bytesScanned} bytes of RAM`
        : `scanned ${scan.bytesScanned} bytes of RAM (${scan.bytesSkipped} of them declared but not stored, so skipped unread)`,
    );
  const candidates = [...report.given, ...(scan?.candidates ?? [])];
  if (candidates.length === 0) {
    lines.push('no KHO root found');
  } else {
    const rows = candidates.map((c) => [String(c.rank), hex(c.address), String(c.size), c.compatible, c.how]);
    const header = ['RANK', 'ADDRESS', 'SIZE', 'COMPATIBLE', 'FOUND BY'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const render = (cells: string[]) =>
      cells
        .map((cell, i) => (i < 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    lines.push('', render(header));
    candidates.forEach((c, i) => {
      lines.push(render(rows[i]));
      for (const reason of c.reasons)
        lines.push(
          `      ${(reason.points > 0 ? `+${reason.points}` : String(reason.points)).padStart(4)}  ${reason.text}`,
        );
    });
  }
  if (scan && scan.fdts.length > 0) {
    lines.push('', 'every FDT at a page start:');
    const width = Math.max(...scan.fdts.map((f) => hex(f.address).length));
    for (const f of scan.fdts) {
      lines.push(
        `  ${hex(f.address).padStart(width)}  ${`${f.size} bytes`.padStart(12)}  ${f.compatible ?? '(unreadable)'}${f.problem ? `  (${f.problem})` : ''}`,
      );
    }
  }
  if (scan && scan.rejected.length > 0) {
    lines.push('', 'looked like roots but did not hold up:');
    for (const r of scan.rejected) lines.push(`  ${hex(r.address)}  ${r.how}: ${r.reason}`);
  }
  if (scan && scan.problems.length > 0) {
    lines.push('', 'scan problems:');
    for (const p of scan.problems) lines.push(`  ${p.message}`);
  }
  return `${lines.join('\n')}\n`;
}
