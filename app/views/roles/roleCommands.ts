import type { Command } from '../../commands/Command';
import { compareIncomingWithOutgoing, incomingComparisonUnavailable } from './compareIncomingWithOutgoing';

/** Commands about the roots of a kexec chain (palette id `compare.incoming`, listed in docs/app.md). */
export const ROLE_COMMANDS: readonly Command[] = [
  {
    id: 'compare.incoming',
    title: 'Compare the incoming root with the outgoing one',
    group: 'Compare',
    keywords: 'kexec hop survived consumed received handed over roles',
    unavailable: incomingComparisonUnavailable,
    run: () => {
      compareIncomingWithOutgoing();
    },
  },
];
