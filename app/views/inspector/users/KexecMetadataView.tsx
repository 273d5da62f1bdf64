import type { KexecMetadataContent } from '../../../../core/kho';
import { Facts } from '../../../components/Facts';
import { Section } from '../../../components/Section';

/** kexec's handover metadata: the previous kernel's release and how many kexecs since a cold boot. */
export function KexecMetadataView({ content }: { content: KexecMetadataContent }) {
  return (
    <Section title="kexec metadata" testId="kexec-metadata">
      <Facts
        facts={[
          ['previous kernel', <span className="mono">{content.previousRelease}</span>],
          ['kexecs since cold boot', String(content.kexecCount)],
          ['metadata version', String(content.version)],
        ]}
      />
    </Section>
  );
}
