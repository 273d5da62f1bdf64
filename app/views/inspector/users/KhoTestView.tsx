import type { KhoTestContent } from '../../../../core/kho';
import { Facts } from '../../../components/Facts';
import { Hex } from '../../../components/Hex';
import { Section } from '../../../components/Section';
import { formatSize } from '../../../format/formatSize';
import { SelectLink } from '../SelectLink';

/** lib/test_kho.c's data: magic, checksum, and the test folios (address and order). */
export function KhoTestView({ content, pageSize }: { content: KhoTestContent; pageSize: number }) {
  return (
    <Section title="kho_test" testId="kho-test">
      <Facts
        facts={[
          ['magic', content.magic === null ? undefined : <Hex value={content.magic} />],
          [
            'folios',
            content.nrFolios === null
              ? undefined
              : `${content.nrFolios}, ${content.folioStorage === 'vmalloc' ? 'listed in a vmalloc area' : content.folioStorage === 'u64-array' ? 'listed inline (6.17)' : 'list unread'}`,
          ],
          ['checksum', content.csum === null ? undefined : <Hex value={content.csum} />],
        ]}
      />
      {content.folios.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>folio</th>
              <th>order</th>
              <th>size</th>
            </tr>
          </thead>
          <tbody>
            {content.folios.map((folio, i) => (
              <tr key={i}>
                <td>
                  <SelectLink
                    selection={{ kind: 'memory', address: folio.address, length: pageSize * 2 ** folio.order }}
                  >
                    <Hex value={folio.address} />
                  </SelectLink>
                </td>
                <td>{folio.order}</td>
                <td>{formatSize(pageSize * 2 ** folio.order)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
