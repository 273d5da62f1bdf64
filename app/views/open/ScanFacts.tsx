import { Facts } from '../../components/Facts';
import { Hex } from '../../components/Hex';
import { formatPageSize } from '../../format/formatPageSize';
import { formatSize } from '../../format/formatSize';
import type { ScanSummary } from '../../model/ScanSummary';

/** What the root scan covered and what it turned down. */
export function ScanFacts({ scan }: { scan: ScanSummary }) {
  return (
    <>
      <Facts
        facts={[
          [
            'scanned',
            `${formatSize(scan.bytesScanned)} of physical memory, every ${formatPageSize(scan.pageSize)} page start`,
          ],
          [
            'skipped',
            scan.bytesSkipped > 0
              ? `${formatSize(scan.bytesSkipped)} the image declares but does not store (reads as zeros)`
              : undefined,
          ],
          ['rejected', scan.rejected.length > 0 ? `${scan.rejected.length} possible root(s), see below` : undefined],
          ['scan problems', scan.problems.length > 0 ? `${scan.problems.length}` : undefined],
        ]}
      />
      {(scan.rejected.length > 0 || scan.problems.length > 0) && (
        <ul className="scan-notes">
          {scan.rejected.map((rejected) => (
            <li key={`r${rejected.address}`}>
              <Hex value={rejected.address} /> ({rejected.how === 'anchor' ? 'anchor chain' : 'FDT'}): {rejected.reason}
            </li>
          ))}
          {scan.problems.map((problem, i) => (
            <li key={`p${i}`}>
              <Hex value={problem.address} />: {problem.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
