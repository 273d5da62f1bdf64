import { ADDRESS_LIMIT } from '../../../../core/bytes';
import type { MemblockContent } from '../../../../core/kho';
import { Hex } from '../../../components/Hex';
import { Section } from '../../../components/Section';
import { formatSize } from '../../../format/formatSize';
import { SelectLink } from '../SelectLink';

/** memblock's `reserve_mem=` regions: name, start, size (each start selectable as memory). */
export function MemblockView({ content }: { content: MemblockContent }) {
  return (
    <Section title="memblock: reserve-mem ranges" testId="memblock-ranges">
      <table className="table table--compact">
        <thead>
          <tr>
            <th>name</th>
            <th>start</th>
            <th>size</th>
          </tr>
        </thead>
        <tbody>
          {content.ranges.map((range) => (
            <tr key={range.node}>
              <td className="mono">{range.name}</td>
              <td>
                {range.start === null ? (
                  <span className="dim">not an address</span>
                ) : (
                  <SelectLink selection={{ kind: 'memory', address: range.start, length: 1 }}>
                    <Hex value={range.start} />
                  </SelectLink>
                )}
              </td>
              <td>
                <Hex value={range.size} />{' '}
                <span className="dim">({range.size < ADDRESS_LIMIT ? formatSize(Number(range.size)) : 'huge'})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
