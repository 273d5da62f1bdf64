import type { MemfdContent } from '../../../../core/kho';
import { Facts } from '../../../components/Facts';
import { Hex } from '../../../components/Hex';
import { Section } from '../../../components/Section';
import { FeatureBitsView } from './FeatureBitsView';
import { FolioTable } from './FolioTable';

/** A preserved memfd: size, position, seals, feature bits, and its folios. */
export function MemfdView({ content, pageSize }: { content: MemfdContent; pageSize: number }) {
  return (
    <Section title={`memfd (${content.handler})`} testId="memfd">
      <Facts
        facts={[
          ['size', <Hex value={content.size} />],
          ['position', <Hex value={content.pos} />],
          ['seals', content.seals === null ? undefined : <Hex value={content.seals} />],
          ['flags', content.flags === null ? undefined : <Hex value={content.flags} />],
          ['folios', content.nrFolios.toString()],
        ]}
      />
      {content.features && <FeatureBitsView features={content.features} />}
      {content.folios.length > 0 && <FolioTable folios={content.folios} pageSize={pageSize} />}
    </Section>
  );
}
