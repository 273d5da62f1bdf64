import type { UserContent } from '../../../core/kho';
import { KexecMetadataView } from './users/KexecMetadataView';
import { KhoTestView } from './users/KhoTestView';
import { LuoView } from './users/LuoView';
import { MemblockView } from './users/MemblockView';
import { MemfdView } from './users/MemfdView';
import { GuestMemfdView } from './users/GuestMemfdView';
import { PciView } from './users/PciView';

/** What a known KHO user's data means, by user. */
export function UserContentView({ user, pageSize }: { user: UserContent; pageSize: number }) {
  switch (user.user) {
    case 'memblock':
      return <MemblockView content={user} />;
    case 'kho-test':
      return <KhoTestView content={user} pageSize={pageSize} />;
    case 'luo':
      return <LuoView content={user} />;
    case 'memfd':
      return <MemfdView content={user} pageSize={pageSize} />;
    case 'guest-memfd':
      return <GuestMemfdView content={user} pageSize={pageSize} />;
    case 'pci':
      return <PciView content={user} />;
    case 'kexec-metadata':
      return <KexecMetadataView content={user} />;
  }
}
