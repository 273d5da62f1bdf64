import type { MemfdContent } from '../../../../core/kho';
import { Facts } from '../../../components/Facts';
import { Hex } from '../../../components/Hex';
import { Section } from '../../../components/Section';
import { SelectLink } from '../SelectLink';

/** A preserved memfd: size, position, seals, and its folios (pfn, address, flags, index). */
export function MemfdView({ content, pageSize }: { content: MemfdContent; pageSize: number }) {
  return (
    <Section title={`memfd (memfd-v${content.version})`} testId="memfd">
      <Facts
        facts={[
          ['size', <Hex value={content.size} />],
          ['position', <Hex value={content.pos} />],
          ['seals', content.seals === null ? undefined : <Hex value={content.seals} />],
          ['flags', content.flags === null ? undefined : <Hex value={content.flags} />],
          ['folios', content.nrFolios.toString()],
        ]}
      />
      {content.folios.length > 0 && (
        <table className="table table--compact" data-testid="memfd-folios">
          <thead>
            <tr>
              <th>index</th>
              <th>pfn</th>
              <th>address</th>
              <th>state</th>
            </tr>
          </thead>
          <tbody>
            {content.folios.map((folio, i) => (
              <tr key={i}>
                <td>{folio.index.toString()}</td>
                <td>
                  <Hex value={folio.pfn} />
                </td>
                <td>
                  {folio.address === null ? (
                    <span className="dim">past 2^53</span>
                  ) : (
                    <SelectLink selection={{ kind: 'memory', address: folio.address, length: pageSize }}>
                      <Hex value={folio.address} />
                    </SelectLink>
                  )}
                </td>
                <td>
                  {[folio.flags & 1 ? 'dirty' : '', folio.flags & 2 ? 'uptodate' : ''].filter(Boolean).join(', ') ||
                    'clean'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
