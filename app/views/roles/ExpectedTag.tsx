import './roles.css';
import type { Diagnostic } from '../../../core/kho';
import { ROLE_LABEL } from './roleLabel';

/**
 * On a problem judged by role (core judgeByRole): the consumed root it lies
 * in, with that root's role, so a note that would be an error in the
 * outgoing tree reads as expected at a glance. Nothing for other problems.
 */
export function ExpectedTag({ diagnostic }: { diagnostic: Diagnostic }) {
  const { expected } = diagnostic;
  if (!expected) return null;
  return (
    <span
      className={`role-badge role-badge--${expected.role}`}
      title={`Expected: root ${expected.root} was consumed by the kernel that received it. Judged strictly (khoscope check --root ${expected.root}) this is ${expected.strictly === 'error' ? 'an error' : 'a warning'}.`}
      data-testid="expected-in"
    >
      {ROLE_LABEL[expected.role]} root {expected.root}
    </span>
  );
}
