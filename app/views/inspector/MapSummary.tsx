import type { PreservedMemoryMap } from '../../../core/kho';
import { Facts } from '../../components/Facts';
import { Hex } from '../../components/Hex';
import { Section } from '../../components/Section';
import { formatSize } from '../../format/formatSize';

/** A root's preserved-memory map in brief: encoding, status, how it was read, and the preserved blocks per order. */
export function MapSummary({ map }: { map: PreservedMemoryMap }) {
  const details = map.details;
  return (
    <Section title="Preserved-memory map" testId="map-summary">
      <Facts
        facts={[
          ['encoding', map.encoding === 'radix-tree' ? 'radix tree (kho-v2+)' : 'chunk list (kho-v1)'],
          [
            'address',
            map.address === 0 ? (
              <span className="dim">0: no map yet (written at finalize)</span>
            ) : (
              <Hex value={map.address} />
            ),
          ],
          ['status', map.status],
          [
            'read',
            details.encoding === 'radix-tree'
              ? `depth ${details.depth} (${details.depthReason}), ${details.nodes} node and ${details.leaves} leaf pages`
              : `${details.chunks} chunk pages, ${details.bitmaps} bitmaps of ${details.bitmapBytes} bytes (${details.bitmapReason})`,
          ],
          [
            'preserved',
            `${map.blockCount.toLocaleString('en-US')} blocks, ${formatSize(map.ranges.totalBytes)} in ${map.ranges.count.toLocaleString('en-US')} ranges`,
          ],
          ['metadata', `${map.metadataPages.length} pages of the map itself`],
          [
            'problems',
            map.problems.length + map.droppedProblems > 0
              ? `${map.problems.length + map.droppedProblems} (see the diagnostics)`
              : undefined,
          ],
        ]}
      />
      {map.blocksPerOrder.some((count) => count > 0) && (
        <table className="table table--compact orders" data-testid="blocks-per-order">
          <thead>
            <tr>
              <th>order</th>
              <th>block size</th>
              <th>blocks</th>
            </tr>
          </thead>
          <tbody>
            {map.blocksPerOrder.map((count, order) =>
              count === 0 ? null : (
                <tr key={order}>
                  <td>{order}</td>
                  <td>{formatSize(map.pageSize * 2 ** order)}</td>
                  <td>{count}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
    </Section>
  );
}
