import { Section } from '../../components/Section';

/** The inspector's Edit section for something that cannot be edited: why, in plain words. */
export function EditLocked({ reason, testId }: { reason: string; testId: string }) {
  return (
    <Section title="Edit" testId={testId}>
      <p className="edit-locked" data-testid="edit-locked">
        Read-only: {reason}.
      </p>
    </Section>
  );
}
