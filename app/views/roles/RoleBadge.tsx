import './roles.css';
import type { RootRole } from '../../../core/kho';
import { ROLE_LABEL } from './roleLabel';

/** A root's role as a small badge; its evidence is the tooltip. */
export function RoleBadge({ role }: { role: RootRole | undefined }) {
  if (!role) return null;
  return (
    <span className={`role-badge role-badge--${role.role}`} title={role.evidence.join('\n')} data-testid="root-role">
      {ROLE_LABEL[role.role]}
    </span>
  );
}
