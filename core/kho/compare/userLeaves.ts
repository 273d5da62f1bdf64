import { hex } from '../../bytes/readers';
import type { UserContent } from '../model/UserContent';
import type { Leaf } from './compareLeaves';

/**
 * The decoded data of a known user that its fragment's properties or fields
 * do not already show, flattened to named items: LUO sessions, their files
 * and FLBs (kept in block sets, not fragments), kho_test's and memfd's folio
 * lists (kept in vmalloc areas). Memblock and kexec-metadata hold nothing
 * beyond their fragment's own values, so they give none.
 */
export function userLeaves(user: UserContent | null): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  const data = (name: string, text: string) => leaves.set(name, { text, pointer: false });
  const pointer = (name: string, value: number | bigint | null) =>
    leaves.set(name, { text: value === null ? '(none)' : hex(value), pointer: true });
  switch (user?.user) {
    case 'luo':
      user.sessions.forEach((session, i) => {
        data(`sessions[${i}].name`, JSON.stringify(session.name));
        data(`sessions[${i}].file count`, String(session.fileCount));
        pointer(`sessions[${i}].files`, session.filesAddress);
        session.files.forEach((file, j) => {
          data(`sessions[${i}].files[${j}].compatible`, JSON.stringify(file.compatible));
          data(`sessions[${i}].files[${j}].token`, hex(file.token));
          pointer(`sessions[${i}].files[${j}].data`, file.data);
        });
      });
      user.flbs.forEach((flb, i) => {
        data(`flbs[${i}].name`, JSON.stringify(flb.name));
        data(`flbs[${i}].count`, String(flb.count));
        pointer(`flbs[${i}].data`, flb.data);
      });
      break;
    case 'kho-test':
      user.folios.forEach((folio, i) => data(`folios[${i}]`, `${hex(folio.address)} order ${folio.order}`));
      break;
    case 'memfd':
      user.folios.forEach((folio, i) =>
        data(`folios[${i}]`, `index ${folio.index}: pfn ${hex(folio.pfn)}, flags ${hex(folio.flags)}`),
      );
      break;
    default:
      break;
  }
  return leaves;
}
