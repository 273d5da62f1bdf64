import './roles.css';
import type { RootRole } from '../../../core/kho';

/** Short words for each role, as the roots menu and the root inspector show them. */
const LABEL: Record<RootRole['role'], string> = {
  outgoing: 'outgoing',
  incoming: 'incoming (consumed)',
  stale: 'stale',
  consumed: 'consumed',
  unknown: 'role unknown',
};

/** A root's role as a small badge; its evidence is the tooltip. */
export function RoleBadge({ role }: { role: RootRole | undefined }) {
  if (!role) return null;
  return (
    <span className={`role-badge role-badge--${role.role}`} title={role.evidence.join('\n')} data-testid="root-role">
      {LABEL[role.role]}
    </span>
  );
}
