import type { GuestMemfdContent } from '../../../../core/kho';
import { Facts } from '../../../components/Facts';
import { Hex } from '../../../components/Hex';
import { Section } from '../../../components/Section';
import { FolioTable } from './FolioTable';

/** A preserved KVM guest_memfd: size, file flags by name, its VM's token, and its folios. */
export function GuestMemfdView({ content, pageSize }: { content: GuestMemfdContent; pageSize: number }) {
  return (
    <Section title={`guest_memfd (${content.handler})`} testId="guest-memfd">
      <Facts
        facts={[
          ['size', <Hex value={content.size} />],
          ['flags', content.flagNames.join(', ') || 'none'],
          ['VM token', <Hex value={content.vmToken} />],
          ['folios', content.nrFolios.toString()],
        ]}
      />
      {content.folios.length > 0 && <FolioTable folios={content.folios} pageSize={pageSize} />}
    </Section>
  );
}
