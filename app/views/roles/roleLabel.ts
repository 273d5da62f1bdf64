import type { RootRoleName } from '../../../core/kho';

/** Short words for each role, as the roots menu, the root inspector and the diagnostics show them. */
export const ROLE_LABEL: Readonly<Record<RootRoleName, string>> = {
  outgoing: 'outgoing',
  incoming: 'incoming (consumed)',
  stale: 'stale',
  consumed: 'consumed',
  unknown: 'role unknown',
};
